"""Importing this registers every calculator (one module each)."""
