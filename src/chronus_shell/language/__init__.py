"""language layer."""
