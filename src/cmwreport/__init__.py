"""cmwreport: draft a State party's report to the UN Committee on Migrant Workers."""

__version__ = "0.1.0"
