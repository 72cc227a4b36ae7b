"""Every code the core can raise has words in both languages; the words of results are kept once.

The codes are collected from the source (ast), not from a list kept by hand: ``code="…"``
keywords, the class-level ``code = "…"`` of error classes, and the problem codes of packages
(``Problem("…", …)``, ``self._problem("…", …)``, ``self._fatal("…", …)``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from ombud_desktop import words
from ombud_desktop.errors import EvidenceError, OmbudError, ValidationError
from ombud_desktop.scoring.locus import Reason

PACKAGE = Path(__file__).resolve().parent.parent / "ombud_desktop"
PROBLEM_CALLS = {"Problem", "_problem", "_fatal"}


@dataclass(frozen=True)
class Site:
    """Where a code is raised, and the names of the data given there (None: not knowable)."""

    code: str
    where: str
    data: frozenset[str] | None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _data_names(call: ast.Call) -> frozenset[str] | None:
    if any(k.arg is None for k in call.keywords):  # **data: the names are not in the source
        return None
    return frozenset(k.arg for k in call.keywords if k.arg not in (None, "code", "hint"))


def collect_sites(root: Path = PACKAGE) -> list[Site]:
    """Return every place in the core (not ui/) that names an error or problem code."""
    sites: list[Site] = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).as_posix()
        if relative.startswith("ombud_desktop/ui/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    value = keyword.value
                    if keyword.arg == "code" and isinstance(value, ast.Constant):
                        where = f"{relative}:{node.lineno}"
                        sites.append(Site(str(value.value), where, _data_names(node)))
                first = node.args[0] if node.args else None
                if _name(node.func) in PROBLEM_CALLS and isinstance(first, ast.Constant):
                    # A problem is worded with the problem's own fields (code, message, member).
                    sites.append(Site(str(first.value), f"{relative}:{node.lineno}", None))
            if isinstance(node, ast.ClassDef):
                for statement in node.body:
                    if (
                        isinstance(statement, ast.Assign)
                        and any(getattr(t, "id", None) == "code" for t in statement.targets)
                        and isinstance(statement.value, ast.Constant)
                    ):
                        where = f"{relative}:{statement.lineno} ({node.name})"
                        sites.append(Site(str(statement.value.value), where, None))
    return sites


def test_the_collector_finds_codes_of_every_kind() -> None:
    codes = {site.code for site in collect_sites()}
    # A keyword code, a class default, a package problem: if one is missing the collector broke.
    assert {"evidence_too_large", "invalid_input", "zip_bomb", "disk_full"} <= codes
    assert len(codes) > 100


def test_every_code_raised_in_the_core_has_words_in_both_languages() -> None:
    table = words.error_table()
    missing = sorted({f"{s.code} ({s.where})" for s in collect_sites() if s.code not in table})
    assert not missing, "codes without words in resources/words/errors.yaml:\n" + "\n".join(
        missing
    )
    for code, entry in table.items():
        assert set(entry) == set(words.LANGUAGES), code
        for language in words.LANGUAGES:
            assert entry[language]["text"].strip(), (code, language)
            assert entry[language]["hint"].strip(), (code, language)


def test_both_languages_use_the_same_placeholders() -> None:
    for code, entry in words.error_table().items():
        for part in ("text", "hint"):
            found = {language: words.placeholders(entry[language][part]) for language in entry}
            assert found["id"] == found["en"], (code, part, found)


def test_every_raise_site_gives_the_values_its_words_need() -> None:
    table = words.error_table()
    lacking = []
    for site in collect_sites():
        if site.data is None or site.code not in table:
            continue
        wanted = words.placeholders(table[site.code]["en"]["text"] + table[site.code]["en"]["hint"])
        if not wanted <= site.data:
            lacking.append(f"{site.where}: {site.code} needs {sorted(wanted - site.data)}")
    assert not lacking, "\n".join(lacking)


def _error_classes(root: Path = PACKAGE) -> set[str]:
    """Return the names of the classes that carry a class-level code (OmbudError and kin)."""
    return {site.where.rsplit("(", 1)[1].rstrip(")") for site in collect_sites(root)
            if site.where.endswith(")")}


def test_every_core_raise_names_its_own_code() -> None:
    classes = _error_classes()
    assert {"OmbudError", "ValidationError", "PackageError", "KeyError_"} <= classes
    uncoded = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).as_posix()
        if relative.startswith("ombud_desktop/ui/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            call = node.exc
            if _name(call.func) in classes and not any(
                k.arg in ("code", None) for k in call.keywords
            ):
                uncoded.append(f"{relative}:{node.lineno}")
    assert not uncoded, "raised with only the class's code:\n" + "\n".join(uncoded)


def test_an_error_without_its_own_code_shows_its_own_english() -> None:
    error = ValidationError("the locus name is empty", hint="Give the locus name.")
    assert words.describe_error(error, "en") == ("the locus name is empty", "Give the locus name.")
    assert words.describe_error(error, "id")[0] == (
        "Isian ini tidak dapat diterima; tidak ada yang diubah."
    )


def test_the_check_catches_a_code_without_words(tmp_path: Path) -> None:
    package = tmp_path / "ombud_desktop"
    (package / "services").mkdir(parents=True)
    (package / "services" / "new.py").write_text(
        "from ombud_desktop.errors import ValidationError\n"
        "def f():\n"
        "    raise ValidationError('x', code='something_new', value=1)\n"
        "class Odd(ValidationError):\n"
        "    code = 'odd_default'\n",
        encoding="utf-8",
    )
    codes = {site.code for site in collect_sites(package)}
    assert codes == {"something_new", "odd_default"}
    assert not codes & set(words.error_table())


def test_an_error_is_worded_in_either_language_with_its_data(tmp_path: Path) -> None:
    from ombud_desktop.storage.evidence import store_evidence_file

    big = tmp_path / "video.mp4"
    big.write_bytes(b"\0" * (2 * 1024 * 1024))
    with pytest.raises(EvidenceError) as raised:
        store_evidence_file(big, tmp_path / "evidence", max_bytes=1024 * 1024)
    error = raised.value
    assert words.describe_error(error, "en")[0] == "video.mp4 is larger than the 1 MB allowed."
    assert words.describe_error(error, "id")[0] == "video.mp4 lebih besar dari batas 1 MB."


def test_an_unworded_code_keeps_the_core_words_and_a_missing_value_never_raises() -> None:
    error = OmbudError("IN07: 7 is not a level", code="not_in_the_table", hint="Choose 0-3.")
    assert words.describe_error(error, "id") == ("IN07: 7 is not a level", "Choose 0-3.")
    bare = ValidationError("bad", code="invalid_level")  # made without its data
    text, _hint = words.describe_error(bare, "en")
    assert text == "…: … is not a level …–…."


# -- the words of results -------------------------------------------------------------------------


def test_the_results_table_has_the_same_keys_and_placeholders_in_both_languages() -> None:
    table = words.results_table()
    assert set(table) == {
        "reasons",
        "corrections",
        "deficiencies",
        "entity_reasons",
        "rank_scopes",
        "entity_lines",
        "review_marks",
    }
    for section, entries in table.items():
        for key, entry in entries.items():
            assert set(entry) == set(words.LANGUAGES), (section, key)
            found = {language: words.placeholders(entry[language]) for language in entry}
            assert found["id"] == found["en"], (section, key, found)


def _reason_sites() -> dict[str, set[str]]:
    """Return {reason code: names of its data} from scoring/locus.py's ``missing(…)`` calls."""
    tree = ast.parse((PACKAGE / "scoring" / "locus.py").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) == "missing" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant):
                names = {k.arg for k in node.keywords if k.arg}
                found.setdefault(str(first.value), set()).update(names | {"target"})
    return found


def test_every_reason_of_the_scoring_has_words_with_data_it_gives() -> None:
    sites = _reason_sites()
    reasons = words.results_table()["reasons"]
    assert len(sites) >= 10
    assert set(sites) == set(reasons), "reason codes and their words differ"
    for code, names in sites.items():
        assert words.placeholders(reasons[code]["en"]) <= names, code


def test_reason_and_correction_words() -> None:
    reason = Reason("too_few_service_users", "service_users", "x", {"lacking": 4})
    assert words.reason_text(reason.code, reason.target, reason.data, "id") == (
        "Pengguna layanan: perlu 4 lagi"
    )
    assert words.reason_text("role_item_unanswered", "R1:IN05", {}, "en") == "R1 IN05: not rated"
    assert words.reason_text("new_code", "IN07", {}, "en") == "IN07: new_code"
    assert words.correction_text("points", 2.5, None, "Data", "id") == "−2,5 poin: Data"
    assert words.correction_text("points", 2.5, None, "Data", "en") == "−2.5 points: Data"
    assert words.correction_text("cap", 0, "D", "Data", "en") == "grade at most D: Data"


def test_every_entity_reason_code_has_words() -> None:
    from ombud_desktop.scoring.entity import ENTITY_REASON_CODES

    assert set(words.results_table()["entity_reasons"]) == set(ENTITY_REASON_CODES)
    assert words.entity_reason_text("loci_missing", {"complete": 2, "planned": 7}, "id") == (
        "2 dari 7 lokus"
    )
    assert words.entity_reason_text("open_conflict", {"cells": ["IN07"]}, "id") == (
        "konflik terbuka: IN07"
    )


def test_a_rank_among_many_provinces_counts_them() -> None:
    few = words.rank_scope_text("provinces", "kota", ["Banten", "Lampung"], "id")
    assert few == "peringkat di antara kota provinsi Banten, Lampung"
    many = words.rank_scope_text("provinces", "kota", [f"P{i}" for i in range(25)], "en")
    assert many == "rank among the kota of 25 provinces"
