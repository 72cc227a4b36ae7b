"""Signed packages in the GUI: keys, export, import, verify."""
