"""memcon.readers."""
