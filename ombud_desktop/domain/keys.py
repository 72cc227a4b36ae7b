"""Keys of the response records: how an answer is addressed in the store and the change log."""

from __future__ import annotations


def rating_key(code: str) -> str:
    """Return the key of an assessor rating, sub-item or indicator-wide mark (``IN07``)."""
    return code


def role_key(code: str, role: str) -> str:
    """Return the key of a role's rating or free-recall ticks (``IN02@R1``)."""
    return f"{code}@{role}"


def display_key(code: str, product: int, channel: str) -> str:
    """Return the key of one product's display in one channel (``PR01@P1.manual``)."""
    return f"{code}@P{product}.{channel}"


def user_key(code: str, respondent_id: str) -> str:
    """Return the key of a service user's answer (``OUT01@<respondent id>``)."""
    return f"{code}@{respondent_id}"


def response_key_indicator(key: str) -> str:
    """Return the indicator code a response key belongs to (``IN02@R1`` → ``IN02``)."""
    return key.partition("@")[0]
