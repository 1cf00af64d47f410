"""memcon.authority."""
