"""The administration page and its tabs: organisation, users, audit trail, backups and check."""
