"""Ombud Desktop: offline assessment of public-service compliance for the Ombudsman RI."""

__version__ = "0.1.0"
