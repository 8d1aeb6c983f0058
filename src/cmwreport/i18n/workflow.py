"""Messages of scaffold, schema, form, import and init."""

MESSAGES: dict[str, tuple[str, str]] = {}
