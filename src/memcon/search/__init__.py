"""memcon.search."""
