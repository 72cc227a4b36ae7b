"""What the GUI keeps about keys for one run: the key store, the unlocked signer, the outbox."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ombud_desktop import settings as setting
from ombud_desktop.settings import Settings

if TYPE_CHECKING:  # the crypto stack loads when keys are first used, not at start
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from ombud_desktop.packages.export import Signer
    from ombud_desktop.packages.keys import KeyStore


def default_outbox() -> Path:
    """Return the default outbox folder: ``~/Ombud/Kotak keluar``."""
    return Path.home() / "Ombud" / "Kotak keluar"


def outbox_folder(settings: Settings) -> Path:
    """Return the folder exported packages are written to (a setting)."""
    value = settings.get(setting.OUTBOX)
    return Path(value) if value else default_outbox()


def set_outbox_folder(settings: Settings, folder: Path) -> None:
    """Remember the outbox folder."""
    settings.set(setting.OUTBOX, str(folder))


class KeySession:
    """The user's key store and, once unlocked, their signer, for the rest of the app session.

    The signer is kept so the assessor types the passphrase once per session, not once per
    export; so is the receiving key, once unlocked to open personal data in packages (the
    supervisor types it once, not once per import). "Lock keys" forgets both. The passphrase
    itself is never kept.
    """

    def __init__(
        self, folder: Path | None = None, *, open_keys: Callable[[], KeyStore] | None = None
    ):
        self.folder = folder
        self._open_keys = open_keys
        self._keys: KeyStore | None = None
        self.signer: Signer | None = None
        self.receiving: X25519PrivateKey | None = None

    @property
    def keys(self) -> KeyStore:
        """Return the key store: ``folder``'s, ``open_keys()``, or the user's default."""
        if self._keys is None:
            from ombud_desktop.packages.keys import KeyStore

            if self.folder is not None:
                self._keys = KeyStore(self.folder)
            elif self._open_keys is not None:
                self._keys = self._open_keys()
            else:
                self._keys = KeyStore.default()
        return self._keys

    @property
    def unlocked(self) -> bool:
        """Return True while the signing key is unlocked."""
        return self.signer is not None

    def lock(self) -> None:
        """Forget the unlocked signing key."""
        self.signer = None
        self.receiving = None
        self.keys.forget_unlocked()
