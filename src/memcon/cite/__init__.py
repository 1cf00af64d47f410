"""memcon.cite."""
