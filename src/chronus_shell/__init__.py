"""Chronus Shell: a live-coding music shell — type plain English, hear it within milliseconds."""
__version__ = "0.1.0"
