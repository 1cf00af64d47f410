"""memcon.enrich."""
