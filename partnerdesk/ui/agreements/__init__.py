"""The "Spaces & agreements" page: spaces register, space-use agreements, their windows and reminders."""
