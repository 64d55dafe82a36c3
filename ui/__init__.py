"""Shared dashboard code: cached data access, translations and link state. Pages only compose these."""
