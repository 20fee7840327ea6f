"""Persistence: engine, models, unit of work, backups, migrations. No Qt here."""
