"""Pages of the main window; the registry lists them."""
