"""supervisor layer."""
