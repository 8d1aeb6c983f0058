"""Words of the rendered report and of render messages."""

MESSAGES: dict[str, tuple[str, str]] = {}
