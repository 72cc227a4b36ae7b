"""``python -m ombud_desktop`` starts the desktop application."""

if __name__ == "__main__":
    import sys

    from ombud_desktop.ui.app import main

    sys.exit(main())
