"""Scoring one locus with ori-2023 (METHODOLOGY §3), on hand-built assessment documents.

Every expected number is worked out by hand from METHODOLOGY §3 in the test itself.
"""

from __future__ import annotations

import dataclasses

import pytest

from ombud_desktop.domain.assessment import Answer, AssessmentDocument, RoleInterview
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.scoring import LocusScore, score_locus
from tests.scoring.locus_docs import (
    ALL_CODES,
    CHANNELS,
    INSTRUMENT,
    PG_RATED,
    RATING_CODES,
    ROLE_RATED,
    ROLES,
    full_document,
    role,
    ticks,
    user,
    users_with,
)

W_IN, W_PR, W_OUT, W_PG = 21.85, 32.37, 24.24, 21.54
W_IN01 = 12.22
W_IN_OTHER = 87.78 / 14


def score(document: AssessmentDocument) -> LocusScore:
    return score_locus(INSTRUMENT, document)


def codes(result: LocusScore) -> list[str]:
    return [reason.code for reason in result.reasons]


def value(result: LocusScore, code: str) -> float | None:
    return result.indicators[code].value


def set_recall(document: AssessmentDocument, per_role: dict[str, int]) -> None:
    for code, count in per_role.items():
        document.roles[code].recall["IN01"] = ticks(count)


def set_display(document: AssessmentDocument, code: str, *products: tuple[str, str]) -> None:
    document.display[code] = {
        number: {"manual": manual, "electronic": electronic}
        for number, (manual, electronic) in enumerate(products, start=1)
    }


# -- whole loci ------------------------------------------------------------------------------


def test_helper_document_answers_every_indicator() -> None:
    result = score(full_document(3))
    assert sorted(result.indicators) == sorted(ALL_CODES)
    assert len(ALL_CODES) == 37


def test_everything_at_3_scores_100() -> None:
    result = score(full_document(3))
    assert result.score == pytest.approx(100.0)
    assert result.grade is not None
    assert result.grade.grade == "A"
    assert result.provisional is False
    assert result.reasons == []
    assert result.deficiencies == []
    for dimension in result.dimensions.values():
        assert dimension.score == pytest.approx(100.0)
    assert all(v.value == pytest.approx(3.0) for v in result.indicators.values())
    assert result.service_users_counted == 6
    assert result.service_users_target == 15


def test_full_marks_on_some_indicators_never_pass_100() -> None:
    # 100 / 3 × (12.22 × 3) / 12.22 is 100.00000000000001 in floating point.
    from ombud_desktop.scoring.locus import dimension_score

    assert dimension_score(INSTRUMENT, [(12.22, 3)]) == 100.0
    assert dimension_score(INSTRUMENT, [(1.0, 3)] * 5) == 100.0


def test_everything_at_0_scores_0() -> None:
    result = score(full_document(0))
    assert result.score == pytest.approx(0.0)
    assert result.grade is not None
    assert result.grade.grade == "E"
    assert result.provisional is False
    assert sorted(result.deficiencies) == sorted(ALL_CODES)


@pytest.mark.parametrize(
    ("level", "expected", "grade"),
    [
        # every indicator at v: each dimension is 100/3 × v, so the locus is too
        (1, 100 / 3 * 1, "D"),  # 33.33
        (2, 100 / 3 * 2, "C"),  # 66.67
    ],
)
def test_everything_at_one_level(level: int, expected: float, grade: str) -> None:
    result = score(full_document(level))
    assert result.score == pytest.approx(expected)
    assert result.grade is not None
    assert result.grade.grade == grade
    assert all(v.value == pytest.approx(level) for v in result.indicators.values())
    assert result.provisional is False


# -- IN01-IN06: role interviews --------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, 0), (1, 1), (5, 1), (6, 2), (9, 2), (10, 3), (14, 3)],
)
def test_in01_free_recall_bands(count: int, expected: int) -> None:
    document = full_document(3)
    set_recall(document, dict.fromkeys(ROLES, count))
    result = score(document)
    assert value(result, "IN01") == expected
    assert result.indicators["IN01"].parts == dict.fromkeys(ROLES, expected)


def test_in01_counts_each_component_once() -> None:
    document = full_document(3)
    for code in ROLES:
        document.roles[code].recall["IN01"] = ["K01"] * 12  # one component named 12 times
    assert value(score(document), "IN01") == 1


def test_in01_is_the_mean_over_roles() -> None:
    document = full_document(3)
    set_recall(document, {"R1": 0, "R2": 5, "R3": 9, "R4": 14})
    # values 0, 1, 2, 3 → (0 + 1 + 2 + 3) / 4 = 1.5
    assert value(score(document), "IN01") == pytest.approx(1.5)


@pytest.mark.parametrize("code", ROLE_RATED)
def test_role_item_is_the_mean_over_roles(code: str) -> None:
    document = full_document(3)
    for role_code, rating in zip(ROLES, [3, 2, 1, 0], strict=True):
        document.roles[role_code].ratings[code] = rating
    # (3 + 2 + 1 + 0) / 4 = 1.5
    assert value(score(document), code) == pytest.approx(1.5)


def test_role_not_present_with_reason_is_left_out() -> None:
    document = full_document(3)
    for role_code, rating in zip(ROLES, [3, 2, 1, 0], strict=True):
        document.roles[role_code].ratings["IN02"] = rating
    set_recall(document, {"R1": 14, "R2": 14, "R3": 14, "R4": 0})
    document.roles["R4"] = RoleInterview(
        role="R4", present=False, absent_reason="Loket dilayani oleh Kasi (tidak ada petugas)"
    )
    result = score(document)
    # R4 left out: IN02 = (3 + 2 + 1) / 3 = 2, IN01 = (3 + 3 + 3) / 3 = 3
    assert value(result, "IN02") == pytest.approx(2.0)
    assert value(result, "IN01") == pytest.approx(3.0)
    assert "R4" not in result.indicators["IN02"].parts
    assert result.provisional is False
    assert result.reasons == []


def test_role_not_present_without_reason_is_provisional() -> None:
    document = full_document(3)
    document.roles["R4"] = RoleInterview(role="R4", present=False)
    result = score(document)
    assert result.provisional is True
    assert [(r.code, r.target) for r in result.reasons] == [("role_absent_without_reason", "R4")]
    assert "R4" not in result.indicators["IN03"].parts


def test_role_missing_is_provisional() -> None:
    document = full_document(3)
    del document.roles["R3"]
    result = score(document)
    assert result.provisional is True
    assert [(r.code, r.target) for r in result.reasons] == [("role_missing", "R3")]
    assert sorted(result.indicators["IN02"].parts) == ["R1", "R2", "R4"]
    assert result.score == pytest.approx(100.0)  # the other roles still give every value


def test_role_with_undecided_presence_is_missing() -> None:
    document = full_document(3)
    document.roles["R2"] = RoleInterview(role="R2", present=None)
    result = score(document)
    assert ("role_missing", "R2") in [(r.code, r.target) for r in result.reasons]


def test_present_role_not_rated_is_provisional() -> None:
    document = full_document(3)
    del document.roles["R1"].ratings["IN05"]
    result = score(document)
    assert result.provisional is True
    assert [(r.code, r.target) for r in result.reasons] == [("role_item_unanswered", "R1:IN05")]
    # the mean is over the roles rated: R2-R4 at 3
    assert value(result, "IN05") == pytest.approx(3.0)


def test_no_role_rated_leaves_role_items_without_value() -> None:
    document = full_document(3)
    document.roles = {
        code: RoleInterview(role=code, present=False, absent_reason="tidak ada") for code in ROLES
    }
    result = score(document)
    for code in ["IN01", *ROLE_RATED]:
        assert value(result, code) is None
    # the IN dimension is then IN07-IN15 only, all at 3
    assert result.dimensions["IN"].score == pytest.approx(100.0)
    assert result.dimensions["IN"].valued == 9


# -- PR01-PR05: display per product and channel ----------------------------------------------


@pytest.mark.parametrize(
    ("manual", "electronic", "expected"),
    [
        ("absent", "absent", 0),
        ("incomplete", "absent", 1),
        ("absent", "incomplete", 1),
        ("complete", "absent", 2),
        ("absent", "complete", 2),
        ("incomplete", "incomplete", 2),
        ("complete", "incomplete", 2),
        ("incomplete", "complete", 2),
        ("complete", "complete", 3),
    ],
)
def test_display_product_value(manual: str, electronic: str, expected: int) -> None:
    document = full_document(3)
    set_display(document, "PR03", (manual, electronic), (manual, electronic))
    result = score(document)
    assert value(result, "PR03") == expected
    assert result.indicators["PR03"].parts == {"P1": expected, "P2": expected}


def test_display_value_is_the_mean_over_products() -> None:
    document = full_document(3)
    set_display(document, "PR01", ("complete", "complete"), ("absent", "incomplete"))
    # P1 = 3, P2 = 1 → (3 + 1) / 2 = 2
    assert value(score(document), "PR01") == pytest.approx(2.0)
    set_display(document, "PR01", ("complete", "absent"), ("incomplete", "absent"))
    # P1 = 2, P2 = 1 → 1.5
    assert value(score(document), "PR01") == pytest.approx(1.5)


def test_display_channel_not_recorded_is_provisional() -> None:
    document = full_document(3)
    document.display["PR02"][2] = {"manual": "complete"}
    result = score(document)
    assert result.provisional is True
    assert [(r.code, r.target) for r in result.reasons] == [("display_unrecorded", "PR02:P2")]
    assert result.reasons[0].data["channels"] == ["electronic"]
    assert value(result, "PR02") == pytest.approx(3.0)  # mean over the product recorded


def test_display_uses_the_instrument_channels() -> None:
    assert [c.code for c in INSTRUMENT.display.channels] == CHANNELS


# -- PR06: sub-items --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pr06a", "pr06b", "expected"),
    [(3, 0, 1.5), (2, 1, 1.5), (3, 3, 3.0), (0, 0, 0.0), (1, 2, 1.5), (3, 2, 2.5)],
)
def test_pr06_is_the_mean_of_its_sub_items(pr06a: int, pr06b: int, expected: float) -> None:
    document = full_document(3)
    document.answers["PR06a"] = Answer(value=pr06a)
    document.answers["PR06b"] = Answer(value=pr06b)
    result = score(document)
    assert value(result, "PR06") == pytest.approx(expected)
    assert result.indicators["PR06"].parts == {"PR06a": pr06a, "PR06b": pr06b}


def test_pr06_sub_item_unanswered_is_provisional() -> None:
    document = full_document(3)
    del document.answers["PR06b"]
    result = score(document)
    assert [(r.code, r.target) for r in result.reasons] == [("indicator_unanswered", "PR06b")]
    assert value(result, "PR06") == pytest.approx(3.0)


# -- OUT01-OUT05: service users ----------------------------------------------------------------


def test_out_value_is_3_times_share_of_tidak() -> None:
    document = full_document(3)
    document.service_users = users_with(
        {
            code: ["Y", "Y", "Y", "T", "T", "X"]
            for code in ("OUT01", "OUT02", "OUT03", "OUT04", "OUT05")
        }
    )
    result = score(document)
    # 3 Ya, 2 Tidak, 1 Tidak tahu (ignored): 3 × 2 / (3 + 2) = 1.2
    assert value(result, "OUT01") == pytest.approx(1.2)
    assert result.indicators["OUT01"].parts == {"yes": 3, "no": 2, "dont_know": 1}


def test_out_value_none_when_nobody_answered_ya_or_tidak() -> None:
    document = full_document(3)
    for service_user in document.service_users:
        service_user.answers["OUT02"] = "X"
    result = score(document)
    assert value(result, "OUT02") is None
    # OUT is then the mean of OUT01, OUT03-OUT05 = 3 each
    assert result.dimensions["OUT"].score == pytest.approx(100.0)
    assert result.dimensions["OUT"].valued == 4


def test_out_ignores_users_without_consent() -> None:
    document = full_document(3)
    # 6 consenting users all say Tidak; 4 without consent say Ya and must not count
    document.service_users += [
        user(
            10 + i, dict.fromkeys(("OUT01", "OUT02", "OUT03", "OUT04", "OUT05"), "Y"), consent=False
        )
        for i in range(4)
    ]
    result = score(document)
    assert value(result, "OUT01") == pytest.approx(3.0)  # 3 × 6 / 6, not 3 × 6 / 10
    assert result.service_users_counted == 6


def test_out_mixed_per_question() -> None:
    document = full_document(3)
    document.service_users = users_with(
        {
            "OUT01": ["T", "T", "T", "T", "T"],  # 3 × 5/5 = 3
            "OUT02": ["Y", "T", "T", "T", "T"],  # 3 × 4/5 = 2.4
            "OUT03": ["Y", "Y", "Y", "Y", "T"],  # 3 × 1/5 = 0.6
            "OUT04": ["X", "X", "Y", "T", "T"],  # 3 × 2/3 = 2
            "OUT05": ["Y", "Y", "Y", "Y", "Y"],  # 0
        }
    )
    result = score(document)
    assert value(result, "OUT01") == pytest.approx(3.0)
    assert value(result, "OUT02") == pytest.approx(2.4)
    assert value(result, "OUT03") == pytest.approx(0.6)
    assert value(result, "OUT04") == pytest.approx(2.0)
    assert value(result, "OUT05") == pytest.approx(0.0)
    # equal weights: (3 + 2.4 + 0.6 + 2 + 0) / 5 = 1.6 → 100/3 × 1.6 = 53.33
    assert result.dimensions["OUT"].score == pytest.approx(100 / 3 * 1.6)
    assert result.provisional is False


# -- dimension and locus scores ----------------------------------------------------------------


def test_in_dimension_uses_the_published_in01_weight() -> None:
    document = full_document(2)
    set_recall(document, dict.fromkeys(ROLES, 14))  # IN01 = 3, the other 14 IN at 2
    result = score(document)
    assert value(result, "IN01") == 3
    # 100/3 × (12.22 × 3 + 87.78 × 2) / 100 = 100/3 × 212.22 / 100 = 70.74
    expected = 100 / 3 * (12.22 * 3 + 87.78 * 2) / 100
    assert expected == pytest.approx(70.74)
    assert result.dimensions["IN"].score == pytest.approx(expected)


def test_in_dimension_with_in01_at_zero() -> None:
    document = full_document(3)
    set_recall(document, dict.fromkeys(ROLES, 0))  # IN01 = 0, the other 14 IN at 3
    result = score(document)
    # 100/3 × (12.22 × 0 + 87.78 × 3) / 100 = 87.78
    assert result.dimensions["IN"].score == pytest.approx(87.78)


def test_in_dimension_one_rated_indicator_at_zero() -> None:
    document = full_document(3)
    document.answers["IN10"] = Answer(value=0)
    result = score(document)
    # 100/3 × (100 × 3 - 87.78/14 × 3) / 100 = 100 - 87.78/14 = 93.73
    assert result.dimensions["IN"].score == pytest.approx(100 - 87.78 / 14)


def test_equal_weights_in_pr() -> None:
    document = full_document(3)
    for code in ("PR07", "PR08", "PR09", "PR10", "PR11"):
        document.answers[code] = Answer(value=0)
    document.answers["PR06a"] = Answer(value=3)
    document.answers["PR06b"] = Answer(value=0)
    result = score(document)
    # PR01-PR05 = 3, PR06 = 1.5, PR07-PR11 = 0: (5 × 3 + 1.5) / 11 = 1.5 → 100/3 × 1.5 = 50
    assert result.dimensions["PR"].score == pytest.approx(50.0)


def test_locus_is_the_weighted_mean_of_dimensions() -> None:
    document = full_document(3)
    # PR and PG all at 0, IN and OUT at 3
    for code in ("PR07", "PR08", "PR09", "PR10", "PR11", "PR06a", "PR06b", *PG_RATED):
        document.answers[code] = Answer(value=0)
    for code in ("PR01", "PR02", "PR03", "PR04", "PR05"):
        set_display(document, code, ("absent", "absent"), ("absent", "absent"))
    result = score(document)
    assert result.dimensions["IN"].score == pytest.approx(100.0)
    assert result.dimensions["PR"].score == pytest.approx(0.0)
    assert result.dimensions["OUT"].score == pytest.approx(100.0)
    assert result.dimensions["PG"].score == pytest.approx(0.0)
    # (21.85 × 100 + 32.37 × 0 + 24.24 × 100 + 21.54 × 0) / 100 = 46.09 → D
    assert result.score == pytest.approx(46.09)
    assert result.grade is not None
    assert result.grade.grade == "D"


def test_locus_mixed_dimensions() -> None:
    document = full_document(3)
    set_recall(document, dict.fromkeys(ROLES, 0))  # IN = 87.78 (see above)
    document.answers["PR06b"] = Answer(value=0)  # PR06 = 1.5 → PR = 100/3 × (10×3 + 1.5)/11
    for service_user in document.service_users[:3]:
        service_user.answers["OUT05"] = "Y"  # 3 Y, 3 T: OUT05 = 1.5 → OUT = 100/3 × 13.5/5 = 90
    result = score(document)
    d_in = 87.78
    d_pr = 100 / 3 * (10 * 3 + 1.5) / 11
    d_out = 100 / 3 * (4 * 3 + 1.5) / 5
    d_pg = 100.0
    assert result.dimensions["PR"].score == pytest.approx(d_pr)
    assert result.dimensions["OUT"].score == pytest.approx(90.0)
    expected = (W_IN * d_in + W_PR * d_pr + W_OUT * d_out + W_PG * d_pg) / 100
    assert result.score == pytest.approx(expected)


def test_missing_dimension_locus_over_the_others_and_provisional() -> None:
    document = full_document(3)
    for code in ("PR07", "PR08", "PR09", "PR10", "PR11", "PR06a", "PR06b"):
        document.answers[code] = Answer(value=0)
    for code in ("PR01", "PR02", "PR03", "PR04", "PR05"):
        set_display(document, code, ("absent", "absent"), ("absent", "absent"))
    for service_user in document.service_users:
        service_user.answers = dict.fromkeys(service_user.answers, "X")  # OUT has no value
    result = score(document)
    assert result.dimensions["OUT"].score is None
    # (21.85 × 100 + 32.37 × 0 + 21.54 × 100) / (21.85 + 32.37 + 21.54) = 4339 / 75.76
    assert result.score == pytest.approx(4339 / 75.76)
    assert result.provisional is True
    assert ("dimension_missing", "OUT") in [(r.code, r.target) for r in result.reasons]


def test_no_dimension_at_all_gives_no_score() -> None:
    document = full_document(3)
    document.answers = {
        code: Answer(na_reason="tidak berlaku") for code in [*ALL_CODES, "PR06a", "PR06b"]
    }
    document.service_users = []
    result = score(document)
    assert result.score is None
    assert result.grade is None
    assert result.provisional is True
    assert sorted(r.target for r in result.reasons if r.code == "dimension_missing") == [
        "IN",
        "OUT",
        "PG",
        "PR",
    ]


# -- not applicable and unanswered -------------------------------------------------------------


def test_not_applicable_with_reason_leaves_the_indicator_out() -> None:
    document = full_document(3)
    document.answers["IN07"] = Answer(na_reason="Unit baru berdiri bulan lalu")
    document.answers["IN08"] = Answer(value=0)
    result = score(document)
    assert result.indicators["IN07"].not_applicable is True
    assert result.indicators["IN07"].value is None
    assert result.indicators["IN07"].na_reason == "Unit baru berdiri bulan lalu"
    # IN = 100/3 × (12.22 × 3 + 12 × 87.78/14 × 3 + 87.78/14 × 0) / (12.22 + 13 × 87.78/14)
    w = 87.78 / 14
    expected = 100 / 3 * (12.22 * 3 + 12 * w * 3) / (12.22 + 13 * w)
    assert expected == pytest.approx(93.3105, abs=1e-4)
    assert result.dimensions["IN"].score == pytest.approx(expected)
    assert result.dimensions["IN"].valued == 14
    assert result.provisional is False
    assert "IN07" not in result.deficiencies


def test_not_applicable_wins_over_a_value() -> None:
    document = full_document(3)
    document.answers["PG04"] = Answer(value=0, na_reason="Tidak ada pengaduan dalam 12 bulan")
    result = score(document)
    assert result.indicators["PG04"].not_applicable is True
    assert result.dimensions["PG"].score == pytest.approx(100.0)


def test_not_applicable_without_reason_is_unanswered() -> None:
    document = full_document(3)
    document.answers["IN07"] = Answer(value=None, na_reason="")
    result = score(document)
    assert result.indicators["IN07"].not_applicable is False
    assert result.provisional is True
    assert [(r.code, r.target) for r in result.reasons] == [("indicator_unanswered", "IN07")]


@pytest.mark.parametrize("code", RATING_CODES)
def test_unanswered_rating_is_provisional(code: str) -> None:
    document = full_document(3)
    del document.answers[code]
    result = score(document)
    assert result.provisional is True
    assert [(r.code, r.target) for r in result.reasons] == [("indicator_unanswered", code)]
    assert value(result, code) is None
    assert result.score == pytest.approx(100.0)  # scored over what is there


# -- completeness ----------------------------------------------------------------------------


def test_five_consenting_users_are_enough() -> None:
    document = full_document(3)
    document.service_users = document.service_users[:5]
    result = score(document)
    assert result.service_users_counted == 5
    assert result.provisional is False


def test_too_few_service_users() -> None:
    document = full_document(3)
    document.service_users = document.service_users[:4]
    result = score(document)
    assert result.provisional is True
    assert [(r.code, r.target) for r in result.reasons] == [
        ("too_few_service_users", "service_users")
    ]
    assert result.reasons[0].data == {"counted": 4, "minimum": 5, "lacking": 1}


def test_users_without_consent_or_answers_do_not_count() -> None:
    document = full_document(3)
    document.service_users = document.service_users[:5]
    document.service_users[0] = dataclasses.replace(document.service_users[0], consent=False)
    document.service_users.append(user(20, {}))  # consented, but answered nothing
    result = score(document)
    assert result.service_users_counted == 4
    assert "too_few_service_users" in codes(result)


def test_too_few_products_without_reason() -> None:
    document = full_document(3)
    document.products = ["KTP-el"]
    result = score(document)
    assert result.provisional is True
    assert [(r.code, r.target) for r in result.reasons] == [("too_few_products", "products")]
    # display is scored over the one product named
    assert result.indicators["PR01"].parts == {"P1": 3}


def test_too_few_products_with_reason_is_fine() -> None:
    document = full_document(3)
    document.products = ["KTP-el"]
    document.products_reason = "Lokus hanya menyelenggarakan satu produk layanan"
    result = score(document)
    assert result.provisional is False
    assert result.reasons == []
    assert result.score == pytest.approx(100.0)


def test_no_products_at_all() -> None:
    document = full_document(3)
    document.products = []
    result = score(document)
    assert "too_few_products" in codes(result)
    assert ("indicator_unanswered", "PR01") in [(r.code, r.target) for r in result.reasons]
    assert value(result, "PR01") is None


# -- deficiencies and the instrument check ---------------------------------------------------


def test_deficiencies_are_indicators_below_3() -> None:
    document = full_document(3)
    document.answers["IN07"] = Answer(value=2)
    document.answers["PR06a"] = Answer(value=2)  # PR06 = 2.5
    document.answers["PG06"] = Answer(na_reason="tidak berlaku")  # no value: not a deficiency
    set_display(document, "PR04", ("complete", "complete"), ("complete", "incomplete"))
    document.service_users[0].answers["OUT03"] = "Y"  # OUT03 = 3 × 5/6 = 2.5
    document.roles["R2"].ratings["IN04"] = 2  # IN04 = 2.75
    result = score(document)
    assert sorted(result.deficiencies) == ["IN04", "IN07", "OUT03", "PR04", "PR06"]


def test_wrong_instrument_hash_is_refused() -> None:
    document = full_document(3, instrument_hash="0" * 64)
    with pytest.raises(ValueError, match="instrument hash"):
        score(document)


def test_scoring_with_another_instrument_is_refused() -> None:
    document = full_document(3)
    ori_2022 = builtin_instrument("ori-2022")
    assert ori_2022.content_hash != INSTRUMENT.content_hash
    with pytest.raises(ValueError, match="A-1"):
        score_locus(ori_2022, document)


def test_locus_to_json() -> None:
    document = full_document(3)
    document.answers["IN07"] = Answer(na_reason="x")
    data = score(document).to_json()
    assert data["score"] == 100.0
    assert data["grade"] == "A"
    assert data["zone"] == "hijau"
    assert data["provisional"] is False
    assert data["indicators"]["IN07"]["not_applicable"] is True
    assert data["service_users"] == {"counted": 6, "target": 15}


def test_role_helper_matches_methodology() -> None:
    # guard the helper itself: value 2 means 6 ticks and ratings of 2
    interview = role("R1", 2)
    assert len(interview.recall["IN01"]) == 6
    assert set(interview.ratings.values()) == {2}
