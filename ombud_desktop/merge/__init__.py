"""Merging change logs from other devices: pure planning here, one transaction in storage."""
