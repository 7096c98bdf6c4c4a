"""coopcheck: is a partnership alive, lopsided or empty, why, since when, and which lever to pull."""

__version__ = "0.1.0"
