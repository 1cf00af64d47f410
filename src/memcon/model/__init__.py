"""memcon.model."""
