"""memcon: diplomatic conversation records as a searchable, citable knowledge base."""
__version__ = "0.1.0"
