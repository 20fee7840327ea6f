"""Dialogs shared across pages (start-up, settings, about)."""
