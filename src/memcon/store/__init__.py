"""memcon.store."""
