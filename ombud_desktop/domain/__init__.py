"""Domain: plain value objects and rules; no I/O, no Qt."""
