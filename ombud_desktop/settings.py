"""Every setting the app and the ``ombud`` command read, declared once (name, type, default).

They live in one JSON file in the user's config folder (``settings.json``, see
``paths.settings_file``), written atomically, with a schema version. An older file is brought up
to date by numbered upgrade functions that are never edited once released (as Picard does);
upgrade 1 reads the ``ui.ini`` that QSettings kept before this file existed, so a user's
workspace folder, role and language survive the change.

Reading never fails because of one value: a value that is missing, of the wrong type or not
allowed reads as the default. A damaged file is renamed aside (``settings.json.damaged-…``) and
the defaults are used, with a logged warning. A file written by a newer version is refused
(``SettingsError``, code ``settings_too_new``) and left untouched. Everything that belongs to
the assessments themselves is in the workspace, not here. No Qt: the command line reads this.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from ombud_desktop.errors import OmbudError
from ombud_desktop.files import write_atomically
from ombud_desktop.paths import default_workspace

logger = logging.getLogger(__name__)

T = TypeVar("T", str, int, bool)

FORMAT = "ombud-desktop-settings"
SCHEMA_VERSION = 1
LEGACY_INI = "ui.ini"

LANGUAGES = ("id", "en")
ROLES = ("assessor", "supervisor")


class SettingsError(OmbudError):
    """The settings file cannot be used as it is; it was left untouched."""

    code = "settings_error"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its name in the file, its type, its value until set, and what it is for."""

    name: str
    kind: type[T]
    default: T
    choices: tuple[T, ...] = ()
    about: str = ""

    def accepts(self, value: object) -> bool:
        """Return True when ``value`` may be stored for this setting."""
        if self.kind is not bool and isinstance(value, bool):  # bool is an int in Python
            return False
        if not isinstance(value, self.kind):
            return False
        return not self.choices or value in self.choices


_DECLARED: dict[str, Setting[Any]] = {}


def _declare(setting: Setting[T]) -> Setting[T]:
    if setting.name in _DECLARED:  # pragma: no cover - a programming error caught at import
        raise AssertionError(f"setting {setting.name!r} declared twice")
    _DECLARED[setting.name] = setting
    return setting


LANGUAGE = _declare(Setting("language", str, "id", LANGUAGES, "language of the app"))
# Written by the first-run setup. Empty means the default in the data folder (paths.py); the
# ``ombud`` command uses it too when neither --workspace nor OMBUD_WORKSPACE is given.
WORKSPACE = _declare(Setting("workspace", str, "", about="workspace folder chosen at setup"))
ROLE = _declare(Setting("role", str, "assessor", ROLES, "assessor or supervisor"))
SETUP_DONE = _declare(Setting("setup_done", bool, False, about="first-run setup finished"))
# The supervisor's inbox: packages that arrive there are imported (ui/inbox.py). Empty: none.
INBOX = _declare(Setting("inbox", str, "", about="folder of arriving packages (supervisor)"))
# Where exported packages go (a shared folder or a USB stick works); empty means the default,
# ~/Ombud/Kotak keluar (ui/packages/session.py).
OUTBOX = _declare(Setting("outbox", str, "", about="folder exported packages are written to"))
# Backups of the workspace (storage/backup.py): empty means beside the workspace
# (``<workspace>-cadangan``); a USB stick or another disk can be chosen. The newest N are kept.
BACKUP_FOLDER = _declare(Setting("backup_folder", str, "", about="folder backups are made in"))
BACKUP_KEEP = _declare(Setting("backup_keep", int, 7, about="how many backups are kept"))
RESULTS_EXPORT_FOLDER = _declare(
    Setting("results_export_folder", str, "", about="folder of the last results export")
)
# Where the assessor was, reopened at the next start (after a crash, too).
LAST_ASSESSMENT = _declare(Setting("last_assessment", str, "", about="assessment open last"))
LAST_PAGE = _declare(Setting("last_page", str, "", about="page open last"))
# Window geometry as Qt saves it (QWidget.saveGeometry), in base64.
MAIN_WINDOW_GEOMETRY = _declare(Setting("main_window_geometry", str, "", about="window state"))
RESULTS_WINDOW_GEOMETRY = _declare(
    Setting("results_window_geometry", str, "", about="window state")
)
CONFLICTS_WINDOW_GEOMETRY = _declare(
    Setting("conflicts_window_geometry", str, "", about="window state")
)


def declared() -> tuple[Setting[Any], ...]:
    """Return every declared setting, in declaration order."""
    return tuple(_DECLARED.values())


class Settings:
    """The settings of one file: read with defaults, written whole and atomically on each change.

    One process writes it (the app); the command line only reads it.
    """

    def __init__(self, path: Path, values: Mapping[str, Any] | None = None, *, version: int = 0):
        self.path = path
        # The version the file had when read (0: no file yet); values are always of this schema.
        self.version = version
        self._values: dict[str, Any] = dict(values or {})
        # Each snapshot of the values gets a number; a file write never puts an older
        # snapshot over a newer one (update_soon writes on another thread).
        self._snapshot_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._taken = 0  # the newest snapshot taken
        self._written = 0  # the newest snapshot on disk
        self._writer: ThreadPoolExecutor | None = None
        self.background_writes = 0  # files written by update_soon (counted by tests)

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read ``path``, upgrading an older file (or a ``ui.ini`` beside it) and saving the result.

        A damaged file is renamed aside and the defaults are used. Raises SettingsError
        (``settings_too_new``) for a file written by a newer version, which is left untouched.
        """
        path = Path(path)
        stored = _read(path)
        if stored is None:
            version, values = 0, {}
        else:
            version, values = stored
        if version > SCHEMA_VERSION:
            raise SettingsError(
                f"the settings file {path} was written by a newer version of Ombud Desktop "
                f"(settings version {version}; this version knows {SCHEMA_VERSION})",
                code="settings_too_new",
                hint="Use the newer version, or move the file away to start with the defaults. "
                "Nothing in it was changed.",
                path=str(path),
                version=version,
            )
        settings = cls(path, upgrade(values, version, path), version=version)
        if version < SCHEMA_VERSION and (stored is not None or settings._values):
            settings.save()
        return settings

    def get(self, setting: Setting[T]) -> T:
        """Return the stored value, or the default when it is missing or not acceptable."""
        value = self._values.get(setting.name, setting.default)
        return value if setting.accepts(value) else setting.default

    def is_stored(self, setting: Setting[Any]) -> bool:
        """Return True when the file holds an acceptable value for ``setting``."""
        return setting.name in self._values and setting.accepts(self._values[setting.name])

    def set(self, setting: Setting[T], value: T) -> None:
        """Store ``value`` and save. Raises ValueError for a value the setting does not accept."""
        self.update({setting: value})

    def update(self, changes: Mapping[Setting[Any], Any]) -> None:
        """Store several values and save once. Raises ValueError, storing none, if one is wrong."""
        self._store(changes)
        self.save()

    def update_soon(self, changes: Mapping[Setting[Any], Any]) -> None:
        """Store several values now and write the file on a background thread.

        For values written often from the GUI thread (the page the assessor is on): the two
        fsyncs of an atomic write wait on the disk, which under load takes from milliseconds to
        seconds, longer than a move between pages may take. Writes queued behind each other
        are merged: only the newest values are written. ``get`` sees them at once; ``flush``
        waits for the file. Raises ValueError, storing none, if one is wrong.
        """
        self._store(changes)
        taken, content = self._snapshot()
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="settings")
        self._writer.submit(self._write_if_newest, taken, content)

    def flush(self) -> None:
        """Wait until the values stored by ``update_soon`` are written (or failed to be)."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.shutdown(wait=True)

    def clear(self, setting: Setting[Any]) -> None:
        """Forget the stored value (the default applies again) and save."""
        if self._values.pop(setting.name, None) is not None:
            self.save()

    def save(self) -> bool:
        """Write the file atomically; return False (logged, values kept for this run) on failure.

        Settings are conveniences: a full disk or a read-only config folder must not stop work.
        """
        return self._write(*self._snapshot())

    def _store(self, changes: Mapping[Setting[Any], Any]) -> None:
        for setting, value in changes.items():
            if not setting.accepts(value):
                raise ValueError(
                    f"{setting.name}: {value!r} is not a {setting.kind.__name__} allowed here"
                )
        with self._snapshot_lock:
            for setting, value in changes.items():
                self._values[setting.name] = value

    def _snapshot(self) -> tuple[int, str]:
        with self._snapshot_lock:
            self._taken += 1
            document = {"format": FORMAT, "version": SCHEMA_VERSION, "settings": self._values}
            content = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            return self._taken, content

    def _write_if_newest(self, taken: int, content: str) -> None:
        # A newer snapshot exists: it is queued behind this one, or being written by save().
        if taken == self._taken and self._write(taken, content):
            self.background_writes += 1

    def _write(self, taken: int, content: str) -> bool:
        with self._write_lock:
            if taken <= self._written:
                return True  # a newer snapshot is on disk already
            try:
                write_atomically(self.path, content.encode("utf-8"))
            except OSError as exc:
                logger.warning("settings not saved to %s: %s", self.path, exc.strerror or exc)
                return False
            self._written = taken
            self.version = SCHEMA_VERSION
            return True

    def listing(self) -> Iterator[dict[str, Any]]:
        """Yield each declared setting with its value, default and whether it is stored."""
        for setting in declared():
            yield {
                "name": setting.name,
                "value": self.get(setting),
                "default": setting.default,
                "stored": self.is_stored(setting),
                "type": setting.kind.__name__,
                "choices": list(setting.choices),
                "about": setting.about,
            }


def _read(path: Path) -> tuple[int, dict[str, Any]] | None:
    """Return (version, values) of the file, or None when there is none (or it was damaged)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        # Unreadable (permissions): use the defaults, but never rename what we cannot read.
        logger.warning("settings file %s unreadable, defaults used: %s", path, exc.strerror)
        return None
    try:
        document = json.loads(raw.decode("utf-8"))
        version, values = document["version"], document["settings"]
        if document.get("format") != FORMAT or type(version) is not int or version < 1:
            raise ValueError("not a settings file")
        if not isinstance(values, dict):
            raise ValueError("settings are not a table")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        aside = _keep_aside(path)
        logger.warning(
            "settings file %s damaged (%s); kept as %s, defaults used",
            path,
            type(exc).__name__,
            aside.name if aside else "(could not be renamed)",
        )
        return None
    return version, values


def _keep_aside(path: Path) -> Path | None:
    """Rename a damaged settings file to a name of its own; return it (None if that failed)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        aside = path.with_name(f"{path.name}.damaged-{stamp}" + (f"-{attempt}" if attempt else ""))
        if aside.exists():
            continue
        try:
            os.replace(path, aside)
        except OSError:
            return None
        return aside
    return None


# -- upgrades ------------------------------------------------------------------------------------
# UPGRADES[n] turns the values of version n - 1 into those of version n. Released upgrades are
# never edited: a change of names or meaning is a new upgrade.

Upgrade = Callable[[dict[str, Any], Path], dict[str, Any]]


def _upgrade_1_from_ui_ini(_values: dict[str, Any], path: Path) -> dict[str, Any]:
    """Take the values QSettings kept in ``ui.ini`` beside ``path`` (before settings.json)."""
    ini = path.with_name(LEGACY_INI)
    if ini == path or not ini.is_file():
        return {}
    try:
        text = ini.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        logger.warning("old settings %s unreadable, defaults used: %s", ini, exc.strerror)
        return {}
    legacy = read_qsettings_ini(text)
    values: dict[str, Any] = {}
    for key, (name, kind) in _UPGRADE_1_KEYS.items():
        if key not in legacy:
            continue
        value = legacy[key]
        if kind == "bool" and value in ("true", "false"):
            values[name] = value == "true"
        elif kind == "bytes" and isinstance(value, bytes):
            values[name] = base64.b64encode(value).decode("ascii")
        elif kind == "str" and isinstance(value, str):
            values[name] = value
    logger.info("settings taken over from %s (%d values)", ini, len(values))
    return values


# The keys of ui.ini as the app wrote them, and what each became in version 1.
_UPGRADE_1_KEYS = {
    "ui/language": ("language", "str"),
    "setup/workspace": ("workspace", "str"),
    "setup/role": ("role", "str"),
    "setup/done": ("setup_done", "bool"),
    "sync/inbox": ("inbox", "str"),
    "packages/outbox": ("outbox", "str"),
    "results/export_folder": ("results_export_folder", "str"),
    "last/assessment": ("last_assessment", "str"),
    "last/page": ("last_page", "str"),
    "window/geometry": ("main_window_geometry", "bytes"),
    "results/geometry": ("results_window_geometry", "bytes"),
    "conflicts/geometry": ("conflicts_window_geometry", "bytes"),
}

UPGRADES: dict[int, Upgrade] = {1: _upgrade_1_from_ui_ini}


def upgrade(values: dict[str, Any], version: int, path: Path) -> dict[str, Any]:
    """Return ``values`` of schema ``version`` brought up to SCHEMA_VERSION, step by step."""
    for step in range(version + 1, SCHEMA_VERSION + 1):
        values = UPGRADES[step](dict(values), path)
    return values


# -- reading QSettings' INI format without Qt ----------------------------------------------------

_ESCAPES = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
    '"': '"', "?": "?", "'": "'", "\\": "\\",
}  # fmt: skip
_HEX = "0123456789abcdefABCDEF"


def read_qsettings_ini(text: str) -> dict[str, str | bytes | list[str] | None]:
    """Return the values of a QSettings INI file by key (``section/key``), as Qt reads them.

    Strings come back as str, ``@ByteArray(...)`` as bytes, lists as lists of str; a value of
    another Qt type (``@Variant``, ``@Rect``...) as None. Keys in ``[General]`` have no section.
    """
    values: dict[str, str | bytes | list[str] | None] = {}
    section = ""
    for line in text.split("\n"):  # not splitlines(): U+2028 is a character of a value here
        stripped = line.strip(" \t\r")
        if not stripped or stripped[0] in ";#":
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = _unescape_key(stripped[1:-1].strip(" \t"))
            section = "" if section.lower() == "general" else section
            continue
        key, equals, raw = stripped.partition("=")
        if not equals:
            continue
        name = _unescape_key(key.strip(" \t")).replace("\\", "/")
        parts = _unescape_value(raw.lstrip(" \t"))
        if isinstance(parts, list):
            value: str | bytes | list[str] | None = parts
        else:
            value = _variant(parts)
        values[f"{section}/{name}" if section else name] = value
    return values


def _unescape_key(key: str) -> str:
    """Undo QSettings' percent escapes in a key (``%XX`` and ``%UXXXX``)."""
    out, i = [], 0
    while i < len(key):
        if key[i] == "%" and key[i + 1 : i + 2] == "U" and _all_hex(key[i + 2 : i + 6], 4):
            out.append(chr(int(key[i + 2 : i + 6], 16)))
            i += 6
        elif key[i] == "%" and _all_hex(key[i + 1 : i + 3], 2):
            out.append(chr(int(key[i + 1 : i + 3], 16)))
            i += 3
        else:
            out.append(key[i])
            i += 1
    return "".join(out)


def _all_hex(text: str, length: int) -> bool:
    return len(text) == length and all(c in _HEX for c in text)


def _unescape_value(raw: str) -> str | list[str]:
    """Undo QSettings' escapes and quotes as Qt reads them; a comma outside quotes makes a list.

    Spaces after a closing quote or a comma are skipped, and trailing spaces of an item that
    was never quoted are dropped (escaped ones kept); ``;`` outside quotes starts a comment.
    """
    items: list[str] = []
    current: list[str] = []
    quoted = was_quoted = is_list = False
    kept = 0  # characters of ``current`` that trailing-space trimming must not remove

    def finish() -> str:
        if not was_quoted:
            while len(current) > kept and current[-1] in " \t":
                current.pop()
        return "".join(current)

    i, end = 0, len(raw)
    while i < end:
        ch = raw[i]
        if ch == "\\" and i + 1 < end:
            ch = raw[i + 1]
            i += 2
            if ch in _ESCAPES:
                current.append(_ESCAPES[ch])
            elif ch == "x":
                start = i
                while i < end and raw[i] in _HEX:
                    i += 1
                if i > start:
                    current.append(chr(int(raw[start:i], 16) & 0x10FFFF))
            elif ch in "01234567":
                start = i - 1
                while i < end and raw[i] in "01234567":
                    i += 1
                current.append(chr(int(raw[start:i], 8) & 0x10FFFF))
            # any other escaped character is dropped, as Qt does
            kept = len(current)
        elif ch == '"':
            quoted = not quoted
            was_quoted = True
            i += 1
            if not quoted:
                while i < end and raw[i] in " \t":
                    i += 1
        elif ch == ";" and not quoted:  # a comment to the end of the line
            break
        elif ch == "," and not quoted:
            items.append(finish())
            current, kept, was_quoted, is_list = [], 0, False, True
            i += 1
            while i < end and raw[i] in " \t":
                i += 1
        else:
            current.append(ch)
            i += 1
            if quoted:
                kept = len(current)
    if is_list:
        items.append(finish())
        return items
    return finish()


def _variant(text: str) -> str | bytes | None:
    """Read Qt's ``@Type(...)`` notation: bytes for a byte array, None for other Qt types."""
    if not text.startswith("@"):
        return text
    if text.startswith("@@"):
        return text[1:]
    if text.startswith("@ByteArray(") and text.endswith(")"):
        return text[len("@ByteArray(") : -1].encode("latin-1", errors="replace")
    if text.startswith("@String(") and text.endswith(")"):
        return text[len("@String(") : -1]
    return None


# -- the workspace both front ends open ----------------------------------------------------------


@dataclass(frozen=True)
class WorkspaceChoice:
    """The workspace folder to open and where that choice came from (said by ``ombud``)."""

    path: Path
    source: str  # "--workspace", "OMBUD_WORKSPACE", "settings" or "default"


def choose_workspace(
    settings: Settings | None, given: Path | None = None, given_by: str = "--workspace"
) -> WorkspaceChoice:
    """Return the workspace: the one given (option or environment), the settings', the default.

    ``settings`` None means they were not read (an explicit workspace makes them unneeded).
    """
    if given is not None:
        return WorkspaceChoice(Path(given), given_by)
    chosen = settings.get(WORKSPACE) if settings is not None else ""
    if chosen:
        return WorkspaceChoice(Path(chosen), "settings")
    return WorkspaceChoice(default_workspace(), "default")
