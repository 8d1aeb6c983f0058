"""Allow ``python -m cmwreport``."""

from cmwreport.cli import main

main()
