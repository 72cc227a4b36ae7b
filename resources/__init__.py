"""Data files shipped inside the installed package as ``ombud_desktop.resources``.

Instrument definitions live in ``instruments/`` and historic grade scales in ``grade_scales/``.
This file only makes the folder an importable package so ``importlib.resources`` can find it.
"""
