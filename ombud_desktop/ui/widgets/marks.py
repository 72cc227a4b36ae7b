"""How a chosen answer is marked, and how the key that chooses it is shown.

Qt's default look for a checked toggle button is a slightly darker grey, which an assessor at a
bright counter cannot tell from the others; the chosen answer is filled in strong blue instead.
Every answer button names its key in front of its text ("[1] Tidak ada", "[Y] Ya"), so the
keyboard is learnt from the screen.
"""

from __future__ import annotations

CHOSEN_BLUE = "#1d5fbf"
CHOSEN_DARK = "#123f80"
CHOSEN_PALE = "#dce8fb"

CHECKED_BUTTONS = (
    # No bold on buttons: the wider text would be cut in a button sized for the plain one.
    f"QPushButton:checked {{ background: {CHOSEN_BLUE}; color: white;"
    f" border: 1px solid {CHOSEN_DARK}; border-radius: 3px; padding: 0px 4px; }}"
    f"QRadioButton:checked {{ color: {CHOSEN_DARK};"
    f" background: {CHOSEN_PALE}; border-radius: 4px; }}"
)
"""Style sheet for a container of answer buttons: the checked one stands out."""

CHOSEN_ROW = (
    f"background: {CHOSEN_BLUE}; color: white; border-left: 6px solid {CHOSEN_DARK};"
    " border-radius: 3px; padding: 2px 4px; font-weight: bold;"
)
"""Style sheet of the text of the chosen level in a full level chooser."""


def hinted(key: str, text: str) -> str:
    """Return a button text with its key in front: ``hinted("1", "Ya")`` → ``"[1] Ya"``."""
    return f"[{key}] {text}"
