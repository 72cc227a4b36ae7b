"""Properties of locus scoring on random, fully answered ori-2023 documents (hypothesis)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombud_desktop.domain.assessment import (
    Answer,
    AssessmentDocument,
    RoleInterview,
    ServiceUser,
)
from ombud_desktop.scoring import LocusScore, score_locus
from tests.scoring.locus_docs import (
    DISPLAY_CODES,
    INSTRUMENT,
    OUT_CODES,
    RATING_CODES,
    RECALL_ITEMS,
    ROLE_RATED,
    ROLES,
    SUB_ITEMS,
)

STATUSES = ["absent", "incomplete", "complete"]
PROPERTY_SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

rating = st.integers(min_value=0, max_value=3)


@st.composite
def documents(draw: st.DrawFn) -> AssessmentDocument:
    """A fully answered locus with random values and some indicators marked not applicable."""
    na = draw(st.sets(st.sampled_from(RATING_CODES), max_size=6))
    answers = {
        code: Answer(na_reason="tidak berlaku di unit ini")
        if code in na
        else Answer(value=draw(rating))
        for code in RATING_CODES
    }
    answers.update({code: Answer(value=draw(rating)) for code in SUB_ITEMS})
    roles = {
        code: RoleInterview(
            role=code,
            present=True,
            ratings={item: draw(rating) for item in ROLE_RATED},
            recall={"IN01": draw(st.lists(st.sampled_from(RECALL_ITEMS), max_size=14))},
        )
        for code in ROLES
    }
    display = {
        code: {
            product: {
                "manual": draw(st.sampled_from(STATUSES)),
                "electronic": draw(st.sampled_from(STATUSES)),
            }
            for product in (1, 2)
        }
        for code in DISPLAY_CODES
    }
    user_count = draw(st.integers(min_value=5, max_value=10))
    users = [
        ServiceUser(
            respondent_id=f"user-{number}",
            consent=True,
            answers={code: draw(st.sampled_from(["Y", "T", "X"])) for code in OUT_CODES},
            number=number,
        )
        for number in range(1, user_count + 1)
    ]
    return AssessmentDocument(
        assessment_id="A-prop",
        instrument_id=INSTRUMENT.id,
        instrument_hash=INSTRUMENT.content_hash,
        period="2023",
        products=["P1", "P2"],
        answers=answers,
        display=display,
        roles=roles,
        service_users=users,
    )


def score(document: AssessmentDocument) -> LocusScore:
    return score_locus(INSTRUMENT, document)


def assert_not_lower(before: LocusScore, after: LocusScore, dimension: str) -> None:
    assert before.score is not None
    assert after.score is not None
    assert after.score >= before.score
    before_dimension = before.dimensions[dimension].score
    after_dimension = after.dimensions[dimension].score
    assert before_dimension is not None
    assert after_dimension is not None
    assert after_dimension >= before_dimension


@PROPERTY_SETTINGS
@given(documents())
def test_scores_stay_within_0_and_100(document: AssessmentDocument) -> None:
    result = score(document)
    assert result.score is not None
    assert 0.0 <= result.score <= 100.0
    for dimension in result.dimensions.values():
        assert dimension.score is None or 0.0 <= dimension.score <= 100.0
    for indicator in result.indicators.values():
        assert indicator.value is None or 0.0 <= indicator.value <= 3.0
    assert result.grade is not None
    assert result.grade.grade in {"A", "B", "C", "D", "E"}


@PROPERTY_SETTINGS
@given(documents(), st.data())
def test_raising_one_rating_never_lowers_the_score(
    document: AssessmentDocument, data: st.DataObject
) -> None:
    raisable = [
        code
        for code in RATING_CODES + SUB_ITEMS
        if not document.answers[code].not_applicable and document.answers[code].value < 3
    ]
    if not raisable:
        return
    code = data.draw(st.sampled_from(raisable), label="raised")
    before = score(document)
    better = copy.deepcopy(document)
    better.answers[code] = Answer(value=document.answers[code].value + 1)
    after = score(better)
    dimension = INSTRUMENT.dimension_of("PR06" if code in SUB_ITEMS else code).code
    assert_not_lower(before, after, dimension)
    assert after.score > before.score  # a real rise: the indicator carries weight


@PROPERTY_SETTINGS
@given(documents(), st.data())
def test_raising_one_role_rating_never_lowers_the_score(
    document: AssessmentDocument, data: st.DataObject
) -> None:
    raisable = [
        (role, code)
        for role in ROLES
        for code in ROLE_RATED
        if document.roles[role].ratings[code] < 3
    ]
    if not raisable:
        return
    role, code = data.draw(st.sampled_from(raisable), label="raised")
    before = score(document)
    better = copy.deepcopy(document)
    better.roles[role].ratings[code] += 1
    assert_not_lower(before, score(better), "IN")


@PROPERTY_SETTINGS
@given(documents(), st.data())
def test_one_more_recall_tick_never_lowers_the_score(
    document: AssessmentDocument, data: st.DataObject
) -> None:
    role = data.draw(st.sampled_from(ROLES), label="role")
    ticked = set(document.roles[role].recall["IN01"])
    missing = [item for item in RECALL_ITEMS if item not in ticked]
    if not missing:
        return
    before = score(document)
    better = copy.deepcopy(document)
    better.roles[role].recall["IN01"].append(data.draw(st.sampled_from(missing), label="tick"))
    assert_not_lower(before, score(better), "IN")


@PROPERTY_SETTINGS
@given(documents(), st.data())
def test_switching_one_ya_to_tidak_never_lowers_the_score(
    document: AssessmentDocument, data: st.DataObject
) -> None:
    ya = [
        (index, code)
        for index, user in enumerate(document.service_users)
        for code in OUT_CODES
        if user.answers[code] == "Y"
    ]
    if not ya:
        return
    index, code = data.draw(st.sampled_from(ya), label="switched")
    before = score(document)
    better = copy.deepcopy(document)
    better.service_users[index].answers[code] = "T"
    after = score(better)
    assert_not_lower(before, after, "OUT")
    assert after.score > before.score


@PROPERTY_SETTINGS
@given(documents(), st.data())
def test_improving_one_display_status_never_lowers_the_score(
    document: AssessmentDocument, data: st.DataObject
) -> None:
    improvable = [
        (code, product, channel)
        for code in DISPLAY_CODES
        for product in (1, 2)
        for channel in ("manual", "electronic")
        if document.display[code][product][channel] != "complete"
    ]
    if not improvable:
        return
    code, product, channel = data.draw(st.sampled_from(improvable), label="improved")
    before = score(document)
    better = copy.deepcopy(document)
    status = document.display[code][product][channel]
    better.display[code][product][channel] = STATUSES[STATUSES.index(status) + 1]
    assert_not_lower(before, score(better), "PR")


@pytest.mark.parametrize(
    ("first", "second"),
    [(a, b) for a in STATUSES for b in STATUSES],
)
def test_product_value_table_is_monotone(first: str, second: str) -> None:
    """Every single-step improvement of one channel keeps or raises the product value."""
    table = INSTRUMENT.display
    base = table.product_value(first, second)
    if first != "complete":
        assert table.product_value(STATUSES[STATUSES.index(first) + 1], second) >= base
    if second != "complete":
        assert table.product_value(first, STATUSES[STATUSES.index(second) + 1]) >= base
