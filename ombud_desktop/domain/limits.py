"""How long a typed text may be: the same limits in the app's fields, the services and imports.

Chosen so that no assessor ever meets them while a report, a spreadsheet cell or a package
stays bounded: a name or position fits 200 characters, a reason 1000, a note 4000
(docs/workspace.md "Text lengths"). A limit is counted in characters, not bytes.
"""

from __future__ import annotations

NAME_MAX = 200  # a person's name, a position, a product, a service user's profile values
NIP_MAX = 40  # a civil-servant number (18 digits, with room for spaces)
PHONE_MAX = 40
REASON_MAX = 1000  # why not applicable, why a role is absent, why fewer products, follow-up
NOTE_MAX = 4000  # the notes of an indicator, or the general note

# The limit of each field an assessor types, by the name the services give it.
TEXT_LIMITS: dict[str, int] = {
    "name": NAME_MAX,
    "position": NAME_MAX,
    "nip": NIP_MAX,
    "phone": PHONE_MAX,
    "product": NAME_MAX,
    "na_reason": REASON_MAX,
    "absent_reason": REASON_MAX,
    "products_reason": REASON_MAX,
    "reopen_reason": REASON_MAX,
    "follow_up": REASON_MAX,
    "note": NOTE_MAX,
}


def too_long(field: str, text: str | None) -> int | None:
    """Return the limit ``text`` exceeds as the value of ``field``, or None when it fits."""
    limit = TEXT_LIMITS.get(field, NAME_MAX)
    return limit if text is not None and len(text) > limit else None
