"""Build the XLSForm rows (survey, choices, settings) of an instrument: the form ODK tools read.

The form computes what ``scoring/locus.py`` computes (METHODOLOGY.md §3) with XPath
calculates, so ODK's own engine (JavaRosa) can check our scores from the outside:

- an indicator's value ``<code>_v`` counts only when ``<code>_h`` is 1 (answered, applicable);
- a dimension's score is 100/max × Σ w·v / Σ w over the indicators that have a value;
- the locus score is Σ W·s / Σ W over the dimensions that have a score.

Each row may carry ``ombud_path`` and ``ombud_map``: the place in the instrument document its
cells come from (see ``xlsform.py``); XLSForm tools ignore these columns. The rows are driven by
the instrument model only, so any instrument of the known kinds gets its form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ombud_desktop.errors import InstrumentError
from ombud_desktop.instruments.model import (
    DisplayIndicator,
    Instrument,
    RatingIndicator,
    RoleInterviewIndicator,
    ServiceUserIndicator,
    SubItemsIndicator,
)

LANGUAGES = (("id", "Indonesian (id)"), ("en", "English (en)"))
LABEL = {code: f"label::{name}" for code, name in LANGUAGES}
HINT = {code: f"hint::{name}" for code, name in LANGUAGES}
SURVEY_COLUMNS = (
    "type", "name", LABEL["id"], LABEL["en"], HINT["id"], HINT["en"], "calculation",
    "ombud_path", "ombud_map", "ombud_tag",
)
CHOICE_COLUMNS = (
    "list_name", "name", LABEL["id"], LABEL["en"], "ombud_path", "ombud_map", "ombud_tag",
    "ombud_src", "ombud_synonyms",
)
# Where each mapped column's cell goes in the document, relative to the row's ``ombud_path``.
MAPS: dict[str, dict[str, str]] = {
    "titled": {
        LABEL["id"]: "title.id", LABEL["en"]: "title.en",
        HINT["id"]: "question.id", HINT["en"]: "question.en",
    },
    "weight": {"calculation": "weight", "ombud_tag": "weight_tag"},
    "text": {LABEL["id"]: "id", LABEL["en"]: "en", "ombud_tag": "tag"},
    "item": {
        "name": "code", LABEL["id"]: "id", LABEL["en"]: "en", "ombud_src": "src",
        "ombud_synonyms": "synonyms_id",
    },
    "label": {LABEL["id"]: "label.id", LABEL["en"]: "label.en"},
}
NONE_NAMED = "nothing_named"
YES, NO = "yes", "no"
PRODUCTS, USERS, CONSENT, PRODUCT_NAME = "product", "service_user", "consent", "product_name"
LOCUS_SCORE = "locus_score"


@dataclass
class Row:
    """One row of a sheet: its cells, and (for import) the document place they map to."""

    cells: dict[str, Any]
    path: str | None = None
    map: str | None = None

    def __post_init__(self) -> None:
        if self.path is not None:
            self.cells["ombud_path"] = self.path
            self.cells["ombud_map"] = self.map


@dataclass
class Form:
    """The rows of the three XLSForm sheets."""

    survey: list[Row] = field(default_factory=list)
    choices: list[Row] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)


def _texts(prefix: dict[str, str], text: Any) -> dict[str, Any]:
    return {prefix[code]: text.get(code) for code, _ in LANGUAGES} if text is not None else {}


def _both(prefix: dict[str, str], indonesian: str, english: str) -> dict[str, str]:
    return {prefix["id"]: indonesian, prefix["en"]: english}


def weight_expression(raw: Any) -> str:
    """Return the XPath of a weight as written in the file ("87.78/14" → "87.78 div 14")."""
    if isinstance(raw, str):
        numerator, _, denominator = raw.partition("/")
        return f"{numerator.strip()} div {denominator.strip()}" if denominator else raw.strip()
    # Plain decimals (no exponent): the calculation is read back by ``xlsform.parse_weight``.
    return format(Decimal(repr(raw)), "f") if isinstance(raw, float) else str(raw)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _filled(name: str) -> str:
    return f"string-length(${{{name}}}) > 0"


class _Builder:
    def __init__(self, instrument: Instrument):
        self.instrument = instrument
        self.doc = instrument.document
        self.form = Form()
        self.top = instrument.rating_scale.max

    def add(self, kind: str, name: str = "", path: str | None = None, map_: str | None = None,
            **cells: Any) -> None:
        self.form.survey.append(Row({"type": kind, "name": name, **cells}, path, map_))

    def calc(self, name: str, expression: str) -> None:
        self.add("calculate", name, calculation=expression)

    def choice(self, list_name: str, name: str, path: str | None = None,
               map_: str | None = None, **cells: Any) -> None:
        self.form.choices.append(Row({"list_name": list_name, "name": name, **cells}, path, map_))

    # -- choices ---------------------------------------------------------------------------

    def shared_choices(self) -> None:
        self.choice("yesno", YES, **_both(LABEL, "Ya", "Yes"))
        self.choice("yesno", NO, **_both(LABEL, "Tidak", "No"))
        self.choice("na", YES, **_both(LABEL, "Tidak berlaku", "Not applicable"))
        for index, status in enumerate(self.instrument.display.statuses):
            self.choice("status", status.code, f"display.statuses[{index}]", "label",
                        **_texts(LABEL, status.label))
        for index, option in enumerate(self.instrument.service_users.answer_options):
            self.choice("answer", option.code, f"service_users.answer_options[{index}]", "text",
                        **_both(LABEL, option.id, option.en))

    def anchors(self, list_name: str, path: str, anchors: dict[int, Any]) -> None:
        for level in sorted(anchors):
            anchor = anchors[level]
            self.choice(list_name, str(level), f"{path}.anchors.{level}", "text",
                        ombud_tag=anchor.tag, **_both(LABEL, anchor.id, anchor.en))

    # -- survey ----------------------------------------------------------------------------

    def build(self) -> Form:
        instrument = self.instrument
        self.form.settings = {
            "form_title": instrument.title.id,
            "form_id": instrument.id.replace(".", "_"),
            "version": instrument.version,
            "default_language": LANGUAGES[0][1],
        }
        self.shared_choices()
        for d_index, dimension in enumerate(instrument.dimensions):
            path = f"dimensions[{d_index}]"
            self.add("begin_group", dimension.code, path, "titled",
                     **_texts(LABEL, dimension.title))
            self.add("calculate", f"w_{dimension.code}", path, "weight",
                     calculation=weight_expression(self.doc["dimensions"][d_index]["weight"]))
            for i_index, indicator in enumerate(dimension.indicators):
                self.indicator(f"{path}.indicators[{i_index}]", d_index, i_index, indicator)
            self.dimension_score(dimension)
            self.add("end_group")
        self.role_groups()
        self.product_repeat()
        self.user_repeat()
        self.locus_score()
        return self.form

    def indicator(self, path: str, d_index: int, i_index: int, indicator: Any) -> None:
        code = indicator.code
        raw = self.doc["dimensions"][d_index]["indicators"][i_index]
        question = getattr(indicator, "question", None)
        cells = {**_texts(LABEL, indicator.title), **_texts(HINT, question)}
        if isinstance(indicator, RatingIndicator):
            self.add(f"select_one a_{code}", code, path, "titled", **cells)
            self.anchors(f"a_{code}", path, indicator.anchors)
        else:
            self.add("note", code, path, "titled", **cells)
        self.add("calculate", f"w_{code}", path, "weight", ombud_tag=indicator.weight_tag,
                 calculation=weight_expression(raw.get("weight", 1)))
        self.add("select_one na", f"{code}_na", **_both(LABEL, "Tidak berlaku", "Not applicable"))
        has, total = self.indicator_terms(path, indicator)
        self.calc(f"{code}_h", f"if(${{{code}_na}} = '{YES}', 0, if({has} > 0, 1, 0))")
        self.calc(f"{code}_v", f"if(${{{code}_h}} = 1, ({total}) div ({has}), 0)")

    def indicator_terms(self, path: str, indicator: Any) -> tuple[str, str]:
        """Return XPath for (how many parts have a value, the sum of those values)."""
        code = indicator.code
        if isinstance(indicator, RatingIndicator):
            return f"if({_filled(code)}, 1, 0)", f"if({_filled(code)}, number(${{{code}}}), 0)"
        if isinstance(indicator, SubItemsIndicator):
            has, total = [], []
            for s_index, sub in enumerate(indicator.sub_items):
                sub_path = f"{path}.sub_items[{s_index}]"
                self.add(f"select_one a_{sub.code}", sub.code, sub_path, "titled",
                         **_texts(LABEL, sub.title), **_texts(HINT, sub.question))
                self.anchors(f"a_{sub.code}", sub_path, sub.anchors)
                self.add("select_one na", f"{sub.code}_na",
                         **_both(LABEL, "Tidak berlaku", "Not applicable"))
                counted = f"${{{sub.code}_na}} != '{YES}' and {_filled(sub.code)}"
                has.append(f"if({counted}, 1, 0)")
                total.append(f"if({counted}, number(${{{sub.code}}}), 0)")
            return " + ".join(has), " + ".join(total)
        if isinstance(indicator, RoleInterviewIndicator):
            if indicator.recall is not None:
                for index, item in enumerate(indicator.recall.items):
                    self.choice(f"r_{code}", item.code, f"{path}.recall.items[{index}]", "item",
                                ombud_src=item.src, ombud_synonyms=item.synonyms_id,
                                **_both(LABEL, item.id, item.en))
                self.choice(f"r_{code}", NONE_NAMED,
                            **_both(LABEL, "(tidak menyebut apa pun)", "(named nothing)"))
            elif indicator.anchors is not None:
                self.anchors(f"a_{code}", path, indicator.anchors)
            has, total = [], []
            for role in self.instrument.roles.items:
                name = f"{code}_{role.code}"
                counted = f"${{{role.code}_present}} = '{YES}' and {_filled(name)}"
                has.append(f"if({counted}, 1, 0)")
                total.append(f"if({counted}, {self.role_value(indicator, name)}, 0)")
            return " + ".join(has), " + ".join(total)
        if isinstance(indicator, DisplayIndicator):
            return f"sum(${{{code}_pd}})", f"sum(${{{code}_pv}})"
        if isinstance(indicator, ServiceUserIndicator):
            yes, no = f"sum(${{{code}_y}})", f"sum(${{{code}_n}})"
            return f"{yes} + {no}", f"{self.top} * {no}"
        kind = getattr(indicator, "kind", type(indicator).__name__)
        raise InstrumentError(
            f"{self.instrument.id}: indicator {code} is of kind {kind!r}, which has no XLSForm "
            "form yet", code="xlsform_kind_unsupported", kind=kind, indicator=code,
            hint="Edit this instrument in its YAML file (docs/instrument-format.md).",
        )

    def role_value(self, indicator: RoleInterviewIndicator, name: str) -> str:
        if indicator.recall is None:
            return f"number(${{{name}}})"
        count = f"(count-selected(${{{name}}}) - if(selected(${{{name}}}, '{NONE_NAMED}'), 1, 0))"
        expression = _number(indicator.recall.bands[0].value)
        for band in indicator.recall.bands[1:]:
            expression = f"if({count} >= {band.min_count}, {_number(band.value)}, {expression})"
        return expression

    def dimension_score(self, dimension: Any) -> None:
        code = dimension.code
        weights = [f"${{w_{i.code}}} * ${{{i.code}_h}}" for i in dimension.indicators]
        valued = [
            f"${{w_{i.code}}} * ${{{i.code}_h}} * ${{{i.code}_v}}" for i in dimension.indicators
        ]
        self.calc(f"{code}_den", " + ".join(weights))
        self.calc(f"{code}_h", f"if(${{{code}_den}} > 0, 1, 0)")
        self.calc(
            f"{code}_score",
            f"if(${{{code}_h}} = 1, 100 div {self.top} * ({' + '.join(valued)}) div "
            f"${{{code}_den}}, 0)",
        )

    def role_groups(self) -> None:
        role_items = [
            i for _d, i in self.instrument.indicators() if isinstance(i, RoleInterviewIndicator)
        ]
        for index, role in enumerate(self.instrument.roles.items):
            self.add("begin_group", f"role_{role.code}", f"roles.items[{index}]", "titled",
                     **_texts(LABEL, role.title))
            self.add("select_one yesno", f"{role.code}_present",
                     **_both(LABEL, "Hadir dan diwawancarai", "Present and interviewed"))
            for indicator in role_items:
                kind = f"select_multiple r_{indicator.code}" if indicator.recall else (
                    f"select_one a_{indicator.code}")
                self.add(kind, f"{indicator.code}_{role.code}", **_texts(LABEL, indicator.title))
            self.add("end_group")

    def product_repeat(self) -> None:
        items = [i for _d, i in self.instrument.indicators() if isinstance(i, DisplayIndicator)]
        channels = self.instrument.display.channels
        self.add("begin_repeat", PRODUCTS, **_both(LABEL, "Produk layanan", "Service product"))
        self.add("text", PRODUCT_NAME, **_both(LABEL, "Nama produk", "Product name"))
        for indicator in items:
            code = indicator.code
            names = [f"{code}_{channel.code}" for channel in channels]
            for name, channel in zip(names, channels, strict=True):
                self.add("select_one status", name,
                         **{LABEL[lang]: f"{indicator.title.get(lang)}: {channel.label.get(lang)}"
                            for lang, _ in LANGUAGES})
            first, second = (f"${{{name}}}" for name in names)
            self.calc(f"{code}_pd", f"if({_filled(names[0])} and {_filled(names[1])}, 1, 0)")
            lookup = "0"
            for row in reversed(self.instrument.display.product_values):
                a, b = row.statuses
                match = f"({first} = '{a}' and {second} = '{b}')"
                if a != b:
                    match = f"({match} or ({first} = '{b}' and {second} = '{a}'))"
                lookup = f"if({match}, {_number(row.value)}, {lookup})"
            self.calc(f"{code}_pv", f"if(${{{code}_pd}} = 1, {lookup}, 0)")
        self.add("end_repeat")

    def user_repeat(self) -> None:
        items = [i for _d, i in self.instrument.indicators() if isinstance(i, ServiceUserIndicator)]
        options = self.instrument.service_users
        yes, no = options.option_code("yes"), options.option_code("no")
        self.add("begin_repeat", USERS, **_both(LABEL, "Pengguna layanan", "Service user"))
        self.add("select_one yesno", CONSENT, **_both(LABEL, "Bersedia", "Consents"))
        for indicator in items:
            code = indicator.code
            self.add("select_one answer", f"{code}_a", **_texts(LABEL, indicator.title))
            consented = f"${{{CONSENT}}} = '{YES}'"
            self.calc(f"{code}_y", f"if({consented} and ${{{code}_a}} = '{yes}', 1, 0)")
            self.calc(f"{code}_n", f"if({consented} and ${{{code}_a}} = '{no}', 1, 0)")
        self.add("end_repeat")

    def locus_score(self) -> None:
        dimensions = [d.code for d in self.instrument.dimensions]
        weights = " + ".join(f"${{w_{d}}} * ${{{d}_h}}" for d in dimensions)
        valued = " + ".join(f"${{w_{d}}} * ${{{d}_h}} * ${{{d}_score}}" for d in dimensions)
        self.calc("locus_den", weights)
        self.calc(LOCUS_SCORE, f"if(${{locus_den}} > 0, ({valued}) div ${{locus_den}}, '')")


def build_form(instrument: Instrument) -> Form:
    """Return the XLSForm rows of ``instrument``."""
    return _Builder(instrument).build()
