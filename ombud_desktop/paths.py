"""Where things live on the user's machine (no heavy imports: the GUI reads this at start)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_dir, user_data_dir


def default_workspace() -> Path:
    """Return the default workspace folder, in the user's data directory."""
    return Path(user_data_dir("ombud-desktop", appauthor=False)) / "workspace"


def sample_workspace() -> Path:
    """Return the folder of the sample workspace the first-run setup offers (demo data)."""
    return Path(user_data_dir("ombud-desktop", appauthor=False)) / "sample-workspace"


def settings_file() -> Path:
    """Return the settings file the app and ``ombud`` share, in the user's config directory."""
    return Path(user_config_dir("ombud-desktop", appauthor=False)) / "settings.json"
