"""Photos taken on another day than the visit: evidence an assessor or a supervisor should doubt.

A photo's capture time is the camera's own clock (EXIF, no time zone), and the visit date is the
day the team was at the service unit; both are local dates, so they compare as they are. A photo
with no capture time (a PDF, a screenshot, a camera that wrote none) is not flagged: there is
nothing to compare.
"""

from __future__ import annotations

from collections.abc import Iterable

from ombud_desktop.domain.assessment import EvidenceRef


def taken_on(ref: EvidenceRef) -> str | None:
    """Return the day (``YYYY-MM-DD``) the camera says the photo was taken, or None."""
    return ref.taken_at[:10] if ref.taken_at and len(ref.taken_at) >= 10 else None


def is_other_day(ref: EvidenceRef, visit_date: str | None) -> bool:
    """Return True when the photo was taken on a known day other than the visit's."""
    day = taken_on(ref)
    return bool(visit_date) and day is not None and day != visit_date


def other_day_photos(evidence: Iterable[EvidenceRef], visit_date: str | None) -> list[EvidenceRef]:
    """Return the photos of ``evidence`` taken on another day than ``visit_date``."""
    return [ref for ref in evidence if is_other_day(ref, visit_date)]


def position_text(ref: EvidenceRef) -> str | None:
    """Return the GPS position as people read it ("-6.208333, 106.816667"), or None."""
    if ref.latitude is None or ref.longitude is None:
        return None
    return f"{ref.latitude:.6f}, {ref.longitude:.6f}"


def taken_text(ref: EvidenceRef) -> str | None:
    """Return the capture time as people read it ("2024-08-12 09:15:30 +07:00"), or None."""
    if not ref.taken_at:
        return None
    text = ref.taken_at.replace("T", " ")
    return f"{text} {ref.taken_offset}" if ref.taken_offset else text


def other_day_facts(evidence: Iterable[EvidenceRef], visit_date: str | None) -> list[dict]:
    """Return the photos taken on another day than the visit, as plain data for a reviewer."""
    return [
        {
            "evidence_id": ref.evidence_id,
            "filename": ref.filename,
            "indicator": ref.indicator,
            "product": ref.product,
            "taken_at": ref.taken_at,
            "taken_offset": ref.taken_offset,
            "visit_date": visit_date,
        }
        for ref in other_day_photos(evidence, visit_date)
    ]


def other_day_line(photo: dict) -> str:
    """Return one line saying which photo was taken on which day, against the visit's."""
    where = photo["indicator"] or "—"
    return (
        f"photo {photo['filename']} ({where}) was taken on {photo['taken_at'][:10]}, "
        f"not on the visit day {photo['visit_date']}"
    )
