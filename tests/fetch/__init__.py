"""Tests of memcon.fetch and ``memcon fetch`` (a package, so its conftest does not shadow tests/conftest.py)."""
