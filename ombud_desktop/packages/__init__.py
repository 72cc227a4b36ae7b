"""Signed assessment packages: keys, export, verify and import (see docs/package-format.md)."""
