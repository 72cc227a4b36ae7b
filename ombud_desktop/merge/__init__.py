"""Merging change logs from other devices: pure planning (``plan``), applying it in the
caller's transaction (``apply``), and many files in batches, one savepoint each (``batch``).

``packages`` calls ``merge`` to apply what a package carries; ``merge`` never imports
``packages`` (or ``services``), so the dependency goes one way.
"""
