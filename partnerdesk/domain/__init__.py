"""Pure rules and value types: no SQLAlchemy, no Qt, no I/O."""
