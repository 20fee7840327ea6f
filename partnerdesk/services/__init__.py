"""One function per user action. Each opens a unit of work, checks permission, applies domain rules,
writes the audit record in the same transaction, commits, and returns frozen dataclasses."""
