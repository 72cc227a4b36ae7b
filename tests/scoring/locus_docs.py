"""Hand-built assessment documents for the ori-2023 instrument, used by the scoring tests.

``full_document(v)`` gives a fully answered locus in which every indicator has the value ``v``
(0-3), reached through each indicator's own way of being answered (ratings, recall ticks,
display statuses, service-user answers). Tests then change single answers by hand.
"""

from __future__ import annotations

from ombud_desktop.domain.assessment import (
    Answer,
    AssessmentDocument,
    RoleInterview,
    ServiceUser,
)
from ombud_desktop.instruments import builtin_instrument

INSTRUMENT = builtin_instrument("ori-2023")

IN_RATED = [f"IN{n:02d}" for n in range(7, 16)]  # IN07-IN15
PR_RATED = [f"PR{n:02d}" for n in range(7, 12)]  # PR07-PR11
PG_RATED = [f"PG{n:02d}" for n in range(1, 7)]  # PG01-PG06
RATING_CODES = IN_RATED + PR_RATED + PG_RATED
SUB_ITEMS = ["PR06a", "PR06b"]
ROLE_RATED = [f"IN{n:02d}" for n in range(2, 7)]  # IN02-IN06
DISPLAY_CODES = [f"PR{n:02d}" for n in range(1, 6)]  # PR01-PR05
OUT_CODES = [f"OUT{n:02d}" for n in range(1, 6)]
ROLES = ["R1", "R2", "R3", "R4"]
CHANNELS = ["manual", "electronic"]
RECALL_ITEMS = [f"K{n:02d}" for n in range(1, 15)]  # the 14 components of UU 25/2009 Ps 21
ALL_CODES = [
    *["IN01", *ROLE_RATED, *IN_RATED],
    *[*DISPLAY_CODES, "PR06", *PR_RATED],
    *OUT_CODES,
    *PG_RATED,
]

# How many free-recall ticks give each IN01 value (METHODOLOGY §3.2: 0 / 1-5 / 6-9 / 10+).
TICKS_FOR = {0: 0, 1: 1, 2: 6, 3: 10}
# A (manual, electronic) pair of statuses giving each product value (METHODOLOGY §3.3).
DISPLAY_FOR = {
    0: ("absent", "absent"),
    1: ("incomplete", "absent"),
    2: ("incomplete", "incomplete"),
    3: ("complete", "complete"),
}
USERS = 6
# Number of "T" (Tidak) among 6 users, all others "Y": value = 3 × T / 6 (METHODOLOGY §3.5).
TIDAK_FOR = {0: 0, 1: 2, 2: 4, 3: 6}


def ticks(count: int) -> list[str]:
    """Return the first ``count`` recall item codes."""
    return RECALL_ITEMS[:count]


def role(code: str, value: int) -> RoleInterview:
    """Return a present role rated ``value`` on IN02-IN06 with recall ticks giving IN01=value."""
    return RoleInterview(
        role=code,
        respondent_id=f"resp-{code}",
        present=True,
        position=f"position {code}",
        ratings=dict.fromkeys(ROLE_RATED, value),
        recall={"IN01": ticks(TICKS_FOR[value])},
    )


def user(number: int, answers: dict[str, str], *, consent: bool = True) -> ServiceUser:
    """Return a service user with the given OUT answers."""
    return ServiceUser(
        respondent_id=f"user-{number}",
        consent=consent,
        product="KTP-el",
        answers=answers,
        number=number,
    )


def users_with(per_code: dict[str, list[str]]) -> list[ServiceUser]:
    """Return users whose i-th answer to each code is ``per_code[code][i]``."""
    count = len(next(iter(per_code.values())))
    return [
        user(i + 1, {code: answers[i] for code, answers in per_code.items()}) for i in range(count)
    ]


def full_document(value: int = 3, **changes: object) -> AssessmentDocument:
    """Return a complete ori-2023 locus where every indicator's value is ``value``."""
    manual, electronic = DISPLAY_FOR[value]
    tidak = TIDAK_FOR[value]
    answers = {code: Answer(value=value) for code in RATING_CODES + SUB_ITEMS}
    document = AssessmentDocument(
        assessment_id="A-1",
        instrument_id=INSTRUMENT.id,
        instrument_hash=INSTRUMENT.content_hash,
        period="2023",
        entity={"id": "E-1", "name": "Kota Contoh", "category": "kota"},
        locus={"type": "disdukcapil", "name": "Disdukcapil"},
        visit_date="2023-07-01",
        products=["KTP-el", "Kartu Keluarga (KK)"],
        answers=answers,
        display={
            code: {p: {"manual": manual, "electronic": electronic} for p in (1, 2)}
            for code in DISPLAY_CODES
        },
        roles={code: role(code, value) for code in ROLES},
        service_users=users_with(
            {code: ["T"] * tidak + ["Y"] * (USERS - tidak) for code in OUT_CODES}
        ),
    )
    for name, new in changes.items():
        setattr(document, name, new)
    return document
