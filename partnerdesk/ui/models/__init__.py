"""Qt item models over immutable rows handed out by the services."""
