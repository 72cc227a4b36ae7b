"""The key store: passphrases, fingerprints, trust, the public key file (real keys on disk)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ombud_desktop.packages.keys import KeyError_, KeyStore, PublicKeyFile, spoken


def test_a_key_opens_only_with_its_passphrase_and_survives_a_change(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path / "keys")
    info = keys.create_signing_key("kopi pagi di cilegon", owner="Siti Aminah")
    with pytest.raises(KeyError_) as short:
        KeyStore(tmp_path / "other").create_signing_key("pendek")
    assert short.value.code == "passphrase_too_short"
    public = keys.signing_key("kopi pagi di cilegon").public_key()
    with pytest.raises(KeyError_) as wrong:
        keys.signing_key("kopi sore di cilegon")
    assert wrong.value.code == "wrong_passphrase"
    keys.change_passphrase("kopi pagi di cilegon", "teh manis di serang")
    # The key unlocked before the change is remembered, but never under the old passphrase.
    with pytest.raises(KeyError_):
        keys.signing_key("kopi pagi di cilegon")
    assert keys.signing_key("teh manis di serang").public_key() == public
    keys.forget_unlocked()
    with pytest.raises(KeyError_):
        KeyStore(keys.folder).signing_key("kopi pagi di cilegon")
    assert keys.signing_key_info().fingerprint == info.fingerprint
    stored = (keys.folder / "signing-key.json").read_text()
    assert "kopi" not in stored
    assert (keys.folder / "signing-key.json").stat().st_mode & 0o077 == 0


def test_a_damaged_key_file_says_so(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path / "keys")
    keys.create_signing_key("kopi pagi di cilegon")
    path = keys.folder / "signing-key.json"
    doc = json.loads(path.read_text())
    doc["ciphertext"] = doc["ciphertext"][::-1]
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyError_) as damaged:
        KeyStore(keys.folder).signing_key("kopi pagi di cilegon")
    assert damaged.value.code in {"wrong_passphrase", "key_file_invalid"}


def test_fingerprints_read_aloud_and_the_public_key_file(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path / "keys")
    info = keys.create_signing_key("kopi pagi di cilegon", owner="Siti Aminah")
    groups = info.words.split()
    assert len(groups) == 6
    assert all(len(g) == 5 and g.isdigit() for g in groups)
    assert spoken(info.fingerprint) == info.words
    exported = keys.public_key_file()
    again = PublicKeyFile.from_bytes(exported.to_bytes())
    assert again.fingerprint == info.fingerprint
    assert again.name == "Siti Aminah"
    with pytest.raises(KeyError_) as bad:
        PublicKeyFile.from_bytes(b'{"format": "something else"}')
    assert bad.value.code == "key_file_invalid"


def test_trust_and_untrust(tmp_path: Path) -> None:
    mine = KeyStore(tmp_path / "mine")
    theirs = KeyStore(tmp_path / "theirs")
    info = theirs.create_signing_key("kunci mereka 2024", owner="Andi")
    assert not mine.is_trusted(info.fingerprint)
    mine.trust(info.public_key, "Andi")
    assert mine.is_trusted(info.fingerprint)
    assert [k["name"] for k in mine.trusted()] == ["Andi"]
    removed = mine.untrust(info.short[:9])
    assert removed["fingerprint"] == info.fingerprint
    assert not mine.is_trusted(info.fingerprint)
