"""Tests of memcon.search (a package, so its conftest never shadows tests/conftest.py)."""
