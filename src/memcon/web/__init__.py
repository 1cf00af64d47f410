"""memcon.web."""
