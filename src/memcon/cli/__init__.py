"""memcon.cli."""
