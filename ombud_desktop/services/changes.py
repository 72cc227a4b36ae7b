"""What a write changed: the value every writing use case returns.

A screen shows a few kinds of things (assessments, their conflicts and reviews, trusted keys,
substantive corrections, the assessor profile, entities and loci). A write says which of them
it touched, and each screen refreshes only when something it shows is named (as Anki's
``OpChanges``). A commit made by another process is :meth:`Changes.everything`: the app cannot
know what it touched, so every screen refreshes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Name what one write (or several, combined with ``|``) changed.

    ``assessments`` holds the ids of the assessments whose content, status or trash state
    changed; ``all_assessments`` stands for every assessment (a commit from elsewhere).
    """

    assessments: frozenset[str] = field(default_factory=frozenset)
    all_assessments: bool = False
    conflicts: bool = False
    reviews: bool = False
    keys: bool = False
    corrections: bool = False
    profile: bool = False
    entities: bool = False  # entities, loci and periods: the plan of the workspace

    @classmethod
    def of(cls, assessment_ids: Iterable[str], **flags: bool) -> Changes:
        """Return the changes to ``assessment_ids`` (plus any flags given)."""
        return cls(assessments=frozenset(assessment_ids), **flags)

    @classmethod
    def everything(cls) -> Changes:
        """Return changes that name everything (a commit made by another process)."""
        return cls(
            all_assessments=True,
            conflicts=True,
            reviews=True,
            keys=True,
            corrections=True,
            profile=True,
            entities=True,
        )

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(
            assessments=self.assessments | other.assessments,
            **{
                f.name: getattr(self, f.name) or getattr(other, f.name)
                for f in fields(self)
                if f.name != "assessments"
            },
        )

    def __bool__(self) -> bool:
        return bool(self.assessments) or any(
            getattr(self, f.name) for f in fields(self) if f.name != "assessments"
        )

    @property
    def any_assessment(self) -> bool:
        """Return True when any assessment's content, status or trash state changed."""
        return self.all_assessments or bool(self.assessments)

    def touches(self, assessment_id: str) -> bool:
        """Return True when the assessment ``assessment_id`` may have changed."""
        return self.all_assessments or assessment_id in self.assessments


NOTHING = Changes()


class Written(NamedTuple, Generic[T]):
    """What a writing use case returns when it has an answer besides its changes."""

    value: T
    changes: Changes
