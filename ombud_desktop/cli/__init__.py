"""The headless command line (`ombud`)."""
