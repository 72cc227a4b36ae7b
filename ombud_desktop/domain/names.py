"""Names of entities and loci as people type them, reduced to what identifies them.

Two names are the same entity (or locus) when their :func:`name_key` is equal: the key ignores
case, extra or odd white space, compatibility forms (full-width letters, ligatures) and letters
of other scripts that look like Latin ones (a Cyrillic "а" for a Latin "a", a Greek "Ο" for an
"O"). The look-alikes come from Unicode's confusables.txt as packaged by
``confusable_homoglyphs`` (read once, when first needed).

Indonesian official names are written in Latin letters, so a typed name with a letter of
another script is refused (:func:`foreign_letters`); a package's name with one is matched by its
key to the register or to what the workspace already holds, never stored as a new name.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """Return ``text`` in NFKC with white space collapsed and stripped, case folded."""
    return _SPACES.sub(" ", _drop_invisible(unicodedata.normalize("NFKC", text))).strip().casefold()


def clean_name(text: str) -> str:
    """Return a name as it should be stored: NFKC, single spaces, no invisible characters."""
    return _SPACES.sub(" ", _drop_invisible(unicodedata.normalize("NFKC", text))).strip()


def name_key(text: str) -> str:
    """Return the key two names share when they look the same (look-alike letters mapped)."""
    # Mapped before and after case folding: an upper-case look-alike ("Ο") and one that only
    # the folded letter has ("Γ" folds to "γ", which looks like "y") both end as ASCII, so the
    # key of a key is the key itself.
    once = normalise_name(_map_lookalikes(unicodedata.normalize("NFKC", text)))
    return normalise_name(_map_lookalikes(once))


def _map_lookalikes(text: str) -> str:
    return "".join(ch if ch.isascii() else _latin_lookalike(ch) for ch in text)


def foreign_letters(text: str) -> list[str]:
    """Return the letters of ``text`` that are not Latin (each once, in order)."""
    found: list[str] = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch.isalpha() and not ch.isascii() and _script(ch) != "LATIN" and ch not in found:
            found.append(ch)
    return found


def _drop_invisible(text: str) -> str:
    # Zero-width spaces and joiners, soft hyphens, direction marks: format characters (Cf).
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@functools.lru_cache(maxsize=4096)
def _latin_lookalike(ch: str) -> str:
    """Return the ASCII letter or digit ``ch`` is confusable with, else ``ch`` itself."""
    for glyph in _confusables().get(ch, ()):
        shown = glyph["c"]
        if len(shown) == 1 and shown.isascii() and shown.isalnum():
            return shown
    return ch


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    from confusable_homoglyphs import categories

    return str(categories.alias(ch))


@functools.cache
def _confusables() -> dict[str, list[dict[str, str]]]:
    # Imported here: the package reads its 900 kB table when imported.
    from confusable_homoglyphs import confusables

    return confusables.confusables_data  # type: ignore[no-any-return]
