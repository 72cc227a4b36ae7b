"""Typed model of an instrument file (format ``ombud-instrument``, version 1).

The model is the schema: loading a file validates it against these classes, and the rest of the
program reads instruments only through them. The format is documented in
``docs/instrument-format.md``; keep the two in step.
"""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction
from typing import Annotated, Any, Literal, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

FORMAT = "ombud-instrument"
FORMAT_VERSION = 1
CATEGORIES = ("kementerian", "lembaga", "provinsi", "kota", "kabupaten")


MAX_WEIGHT = 1e6
# A share is written with plain decimals: an exponent ("1e999999999") would make Fraction
# compute a number of a billion digits, which took a minute, and overflow float() after it.
_DECIMAL = r"\s*\d{1,15}(?:\.\d{1,15})?\s*"
_SHARE = re.compile(rf"^{_DECIMAL}(?:/{_DECIMAL})?$")


def _parse_weight(value: Any) -> float:
    """Accept a positive finite number, or a share written as ``"87.78/14"``."""
    message = f'must be a number > 0 and at most {MAX_WEIGHT:g} (or a share such as "87.78/14")'
    if isinstance(value, bool):
        raise ValueError(message)
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            raise ValueError(message) from None
    elif isinstance(value, str) and _SHARE.match(value):
        numerator, _, denominator = value.partition("/")
        try:
            share = Fraction(numerator.strip()) / Fraction(denominator.strip() or "1")
        except ZeroDivisionError:
            raise ValueError(message) from None
        number = float(share)
    else:
        raise ValueError(message)
    if not (number > 0 and math.isfinite(number) and number <= MAX_WEIGHT):
        raise ValueError(message)
    return number


Weight = Annotated[float, BeforeValidator(_parse_weight)]
Code = Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9_]+$")]


class Strict(BaseModel):
    """Base: unknown keys are errors, so a misspelt key never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Text(Strict):
    """A text shown to users, in Indonesian (``id``) and English (``en``), with its provenance."""

    id: str = Field(min_length=1)
    en: str = Field(min_length=1)
    tag: str | None = None

    def get(self, language: str) -> str:
        """Return the text in ``language`` ("id" or "en"), Indonesian by default."""
        return self.en if language == "en" else self.id


class Anchor(Text):
    """The written condition for one level of a rating; its tag is required."""

    tag: str = Field(min_length=1)


class Item(Strict):
    """One entry of a tick list or checklist."""

    code: Code
    id: str = Field(min_length=1)
    en: str = Field(min_length=1)
    src: str | None = None
    synonyms_id: str | None = None


def _unique_codes(items: list[Any], what: str) -> None:
    seen: set[str] = set()
    for entry in items:
        if entry.code in seen:
            raise ValueError(f"{what} code {entry.code!r} appears twice")
        seen.add(entry.code)


class KeyPointGroup(Strict):
    """A group of key points the assessor may tick while listening (an aid, not the score)."""

    name: str
    roles: list[str] | None = None
    items: list[Item] = Field(min_length=1)


class RecallBand(Strict):
    """Free-recall count from ``min_count`` upward gives ``value``."""

    min_count: int = Field(ge=0)
    value: float = Field(ge=0)
    tag: str | None = None


class Recall(Strict):
    """Scoring by unprompted recall: tick the items named, the count maps to a value."""

    items: list[Item] = Field(min_length=1)
    bands: list[RecallBand] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Recall:
        _unique_codes(self.items, "recall item")
        counts = [band.min_count for band in self.bands]
        if counts[0] != 0:
            raise ValueError("bands: the first band must start at min_count 0")
        if any(b <= a for a, b in itertools.pairwise(counts)):
            raise ValueError("bands: min_count must increase from one band to the next")
        if counts[-1] > len(self.items):
            raise ValueError("bands: the last min_count is larger than the number of items")
        return self

    def value_for(self, count: int) -> float:
        """Return the value for ``count`` items named."""
        value = self.bands[0].value
        for band in self.bands:
            if count >= band.min_count:
                value = band.value
        return value


Anchors = dict[int, Anchor]


class _Indicator(Strict):
    code: Code
    weight: Weight = 1.0
    weight_tag: str | None = None
    title: Text


class RatedFields(Strict):
    """Fields shared by everything the assessor rates 0-3 against anchors."""

    method: str | None = None
    question: Text
    evidence: list[Text] = Field(default_factory=list)
    checklist: list[Item] = Field(default_factory=list)
    guidance: dict[str, Text] = Field(default_factory=dict)
    basis: str
    anchors: Anchors


class RatingIndicator(_Indicator, RatedFields):
    """Assessor rating: one value 0-3 chosen from anchors (IN07-IN15, PR07-PR11, PG01-PG06)."""

    kind: Literal["rating"]


class SubItem(RatedFields):
    """One rated part of a sub-items indicator (PR06a, PR06b)."""

    code: Code
    parent: str | None = None
    title: Text


class SubItemsIndicator(_Indicator):
    """Value = mean of its rated sub-items (PR06)."""

    kind: Literal["sub_items"]
    sub_items: list[SubItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> SubItemsIndicator:
        _unique_codes(self.sub_items, "sub-item")
        return self


class RoleInterviewIndicator(_Indicator):
    """Each interviewed role is rated; value = mean over the roles rated (IN01-IN06)."""

    kind: Literal["role_interview"]
    question: Text
    basis: str
    recall: Recall | None = None
    key_points: list[KeyPointGroup] = Field(default_factory=list)
    guidance: dict[str, Text] = Field(default_factory=dict)
    anchors: Anchors | None = None

    @model_validator(mode="after")
    def _check(self) -> RoleInterviewIndicator:
        if (self.recall is None) == (self.anchors is None):
            raise ValueError("a role-interview item needs either 'recall' or 'anchors' (not both)")
        return self


class DisplayIndicator(_Indicator):
    """Display per product and channel (PR01-PR05)."""

    kind: Literal["display"]
    complete: Text
    incomplete_examples: list[Text] = Field(default_factory=list)
    manual_note: Text | None = None
    electronic_note: Text | None = None
    tag: str | None = None


class ServiceUserIndicator(_Indicator):
    """A Ya / Tidak / Tidak tahu question put to each service user (OUT01-OUT05)."""

    kind: Literal["service_user"]
    question: Text
    explanation: Text | None = None
    assessor_note: Text | None = None
    follow_up: Text | None = None
    tag: str | None = None


Indicator = Annotated[
    RatingIndicator
    | SubItemsIndicator
    | RoleInterviewIndicator
    | DisplayIndicator
    | ServiceUserIndicator,
    Field(discriminator="kind"),
]


class Dimension(Strict):
    """One of the four dimensions, with its weight in the locus score."""

    code: Code
    title: Text
    weight: Weight
    indicators: list[Indicator] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Dimension:
        _unique_codes(self.indicators, "indicator")
        return self


class GradeBand(Strict):
    """Scores from ``min`` (inclusive) up to the next band give this grade and zone."""

    min: float = Field(ge=0, le=100)
    grade: str | None = None
    zone: str
    opinion: Text | None = None


class Zone(Strict):
    """A zone (hijau, kuning, merah) with its label and display colour."""

    code: Code
    label: Text
    colour: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")


class GradeScale(Strict):
    """Grade bands, highest first; the lowest band starts at 0."""

    id: str
    title: Text
    bands: list[GradeBand] = Field(min_length=1)
    zones: list[Zone] = Field(min_length=1)
    periods: list[int] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> GradeScale:
        mins = [band.min for band in self.bands]
        if any(b >= a for a, b in itertools.pairwise(mins)):
            raise ValueError("bands: list them from the highest 'min' to the lowest, no repeats")
        if mins[-1] != 0:
            raise ValueError("bands: the last band must start at min 0")
        _unique_codes(self.zones, "zone")
        zone_codes = {zone.code for zone in self.zones}
        for band in self.bands:
            if band.zone not in zone_codes:
                raise ValueError(f"bands: zone {band.zone!r} is not listed under 'zones'")
        return self


class RatingScale(Strict):
    """The range of an indicator value (0-3)."""

    min: int
    max: int = Field(gt=0)

    @model_validator(mode="after")
    def _check(self) -> RatingScale:
        if self.min != 0:
            raise ValueError("min: the scoring formula needs a scale that starts at 0")
        return self


class EntityCategory(Strict):
    """A category of entity; rankings are made within one."""

    code: Literal["kementerian", "lembaga", "provinsi", "kota", "kabupaten"]
    label: Text


class Role(Strict):
    """A job role interviewed at each locus (R1-R4)."""

    code: Code
    title: Text
    examples: Text | None = None


class Roles(Strict):
    """The job roles and the interview rules shown on the interview page."""

    items: list[Role] = Field(min_length=1)
    interview_rules: list[Text] = Field(default_factory=list)
    interview_rules_tag: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Roles:
        _unique_codes(self.items, "role")
        return self


class Channel(Strict):
    """A display channel (manual, electronic)."""

    code: Code
    label: Text
    definition: Text
    tag: str | None = None
    timing: Text | None = None


class DisplayStatus(Strict):
    """How a component shows in one channel (absent, incomplete, complete)."""

    code: Code
    label: Text
    rule: Text
    tag: str | None = None


class ProductValue(Strict):
    """The product value for one unordered pair of channel statuses."""

    statuses: list[str] = Field(min_length=2, max_length=2)
    value: float = Field(ge=0)


class Display(Strict):
    """Channels, statuses and the table that turns a pair of statuses into a product value."""

    channels: list[Channel] = Field(min_length=2, max_length=2)
    statuses: list[DisplayStatus] = Field(min_length=1)
    conflict_rule: Text | None = None
    product_value_tag: str | None = None
    product_values: list[ProductValue]
    evidence: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> Display:
        _unique_codes(self.channels, "channel")
        _unique_codes(self.statuses, "status")
        codes = [status.code for status in self.statuses]
        seen: dict[frozenset[str], int] = {}
        for index, row in enumerate(self.product_values):
            for status in row.statuses:
                if status not in codes:
                    raise ValueError(
                        f"product_values[{index}]: unknown status {status!r} (known: {codes})"
                    )
            key = frozenset(row.statuses)
            if key in seen:
                raise ValueError(
                    f"product_values[{index}]: the pair {row.statuses} is already given "
                    f"in product_values[{seen[key]}]"
                )
            seen[key] = index
        for first, second in itertools.combinations_with_replacement(codes, 2):
            if frozenset((first, second)) not in seen:
                raise ValueError(f"product_values: no value for the pair [{first}, {second}]")
        return self

    def product_value(self, first: str, second: str) -> float:
        """Return the product value for two channel statuses (order does not matter)."""
        key = frozenset((first, second))
        for row in self.product_values:
            if frozenset(row.statuses) == key:
                return row.value
        raise KeyError((first, second))


class AnswerOption(Strict):
    """A service-user answer (Ya, Tidak, Tidak tahu) and how it counts."""

    code: Code
    counts_as: Literal["yes", "no", "dont_know"]
    id: str
    en: str


class ServiceUsers(Strict):
    """The service-user questionnaire: eligibility, consent, profile, closing."""

    eligibility: dict[str, Text] = Field(default_factory=dict)
    consent: dict[str, Any]
    profile: list[dict[str, Any]] = Field(min_length=1)
    intro: Text
    answer_options: list[AnswerOption]
    dont_know_rule: Text | None = None
    follow_up_rule: Text | None = None
    closing: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> ServiceUsers:
        _unique_codes(self.answer_options, "answer option")
        kinds = sorted(option.counts_as for option in self.answer_options)
        if kinds != ["dont_know", "no", "yes"]:
            raise ValueError("answer_options: give exactly one 'yes', one 'no' and one 'dont_know'")
        return self

    def option_code(self, counts_as: str) -> str:
        """Return the answer code ("Y", "T", "X") that counts as ``counts_as``."""
        return next(o.code for o in self.answer_options if o.counts_as == counts_as)


class ServiceUserRule(Strict):
    """How many service users a locus needs."""

    target: int = Field(ge=1)
    minimum: int = Field(ge=0)
    tag: str | None = None

    @model_validator(mode="after")
    def _check(self) -> ServiceUserRule:
        if self.minimum > self.target:
            raise ValueError("minimum: must not exceed target")
        return self


class Completeness(Strict):
    """Completeness rules: what a locus needs before it stops being provisional."""

    service_users: ServiceUserRule
    products_per_locus: int = Field(ge=1)
    products_tag: str | None = None
    roles_required: list[str]
    complaint_officials: int = Field(ge=0)


class LocusTemplateEntry(Strict):
    """A usual locus of an entity, with default products to observe."""

    type: Code
    name: Text
    products: list[Text] = Field(min_length=1)
    alternates: list[Text] = Field(default_factory=list)


class LocusTemplate(Strict):
    """The usual loci for some entity categories."""

    categories: list[Literal["kementerian", "lembaga", "provinsi", "kota", "kabupaten"]]
    loci: list[LocusTemplateEntry] = Field(min_length=1)
    tag: str | None = None
    # Only for these entities (register names, e.g. a ministry's own units); empty: any entity.
    entities: list[str] = Field(default_factory=list)


# -- the 2025 model's kinds: an entity score made of weighted parts ------------------------------


PART_KINDS = ("field", "secondary", "trust", "group")
QUALIFIER_INPUTS = ("products_followed",)


class SecondaryIndicator(Strict):
    """A secondary-data indicator (BPS, KemenPANRB ...): a 0-100 figure entered per entity."""

    code: Code
    title: Text
    source_hint: Text
    weight: Weight = 1.0
    weight_tag: str | None = None
    tag: str | None = None


class ScorePart(Strict):
    """One weighted part of the score (METHODOLOGY §7).

    ``field``: the score of the field-answered dimensions (the locus score); ``secondary``: the
    weighted mean of its secondary-data indicators; ``trust``: the public-trust survey result;
    ``group``: the weighted mean of its own parts (e.g. the four dimensions together).
    """

    code: Code
    kind: Literal["field", "secondary", "trust", "group"]
    title: Text
    weight: Weight
    weight_tag: str | None = None
    indicators: list[SecondaryIndicator] = Field(default_factory=list)
    parts: list[ScorePart] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> ScorePart:
        if self.kind == "secondary" and not self.indicators:
            raise ValueError("indicators: a 'secondary' part lists at least one indicator")
        if self.kind != "secondary" and self.indicators:
            raise ValueError(
                f"indicators: only a 'secondary' part has them (this is {self.kind!r})"
            )
        if self.kind == "group" and not self.parts:
            raise ValueError("parts: a 'group' part lists at least one part")
        if self.kind != "group" and self.parts:
            raise ValueError(f"parts: only a 'group' part has them (this is {self.kind!r})")
        _unique_codes(self.indicators, "secondary indicator")
        _unique_codes(self.parts, "part")
        return self

    def walk(self) -> list[ScorePart]:
        """Return this part and every part inside it, depth first."""
        return [self, *(inner for part in self.parts for inner in part.walk())]


class EntityScoreRule(Strict):
    """How the score is made of parts, and at which level (``score`` in the file)."""

    level: Literal["entity", "locus"]
    level_tag: str | None = None
    parts: list[ScorePart] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> EntityScoreRule:
        _unique_codes(self.parts, "part")
        every = self.all_parts()
        for kind in ("field", "trust"):
            count = sum(1 for part in every if part.kind == kind)
            if kind == "field" and count != 1:
                raise ValueError(
                    f"parts: give exactly one part of kind 'field' (the field-answered "
                    f"dimensions); there are {count}"
                )
            if count > 1:
                raise ValueError(
                    f"parts: give at most one part of kind {kind!r}; there are {count}"
                )
        seen: set[str] = set()
        for code in [p.code for p in every] + [i.code for i in self.secondary_indicators()]:
            if code in seen:
                raise ValueError(f"parts: the code {code} is used twice (codes must be unique)")
            seen.add(code)
        return self

    def all_parts(self) -> list[ScorePart]:
        """Return every part, nested ones included, depth first."""
        return [inner for part in self.parts for inner in part.walk()]

    def secondary_indicators(self) -> list[SecondaryIndicator]:
        """Return every secondary-data indicator in file order."""
        return [i for part in self.all_parts() for i in part.indicators]

    def has(self, kind: str) -> bool:
        """Return True when a part of ``kind`` is in the score."""
        return any(part.kind == kind for part in self.all_parts())


class Qualifier(Strict):
    """Words added to the opinion when an entity input says so ("Tanpa Maladministrasi")."""

    input: Literal["products_followed"]
    when: bool = True
    text: Text
    grades: list[str] | None = None  # only with these grades; None: with any grade
    tag: str | None = None


class Instrument(Strict):
    """A complete, validated instrument. ``content_hash`` identifies its exact content."""

    format: Literal["ombud-instrument"]
    format_version: Literal[1]
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    version: str = Field(min_length=1)
    title: Text
    periods: list[int] = Field(default_factory=list)
    status: str | None = None
    methodology_status: Literal["draft", "final"] = "final"
    methodology_note: Text | None = None
    rating_scale: RatingScale
    rules: dict[str, Text] = Field(default_factory=dict)
    entity_categories: list[EntityCategory]
    grade_scale: GradeScale
    dimensions: list[Dimension] = Field(min_length=1)
    roles: Roles
    display: Display
    service_users: ServiceUsers
    complaint_interview: dict[str, Any]
    completeness: Completeness
    locus_templates: list[LocusTemplate] = Field(default_factory=list)
    locus_template_notes: dict[str, str] = Field(default_factory=dict)
    score: EntityScoreRule | None = None
    qualifier: Qualifier | None = None

    _content_hash: str = PrivateAttr(default="")
    _source: str = PrivateAttr(default="")
    _document: dict[str, Any] = PrivateAttr(default_factory=dict)
    _derived: dict[str, Any] = PrivateAttr(default_factory=dict)

    @field_validator("dimensions")
    @classmethod
    def _weights_add_up(cls, dimensions: list[Dimension]) -> list[Dimension]:
        total = sum(dimension.weight for dimension in dimensions)
        if abs(total - 100) > 1e-6:
            raise ValueError(f"the dimension weights add up to {total:g}; they must add up to 100")
        _unique_codes(dimensions, "dimension")
        codes: set[str] = set()
        for dimension in dimensions:
            for indicator in dimension.indicators:
                subs = [sub.code for sub in getattr(indicator, "sub_items", ())]
                for code in (indicator.code, *subs):
                    if code in codes:
                        raise ValueError(f"the code {code} is used twice (codes must be unique)")
                    codes.add(code)
        return dimensions

    @model_validator(mode="after")
    def _check(self) -> Instrument:
        top = self.rating_scale.max
        levels = list(range(self.rating_scale.min, top + 1))
        role_codes = {role.code for role in self.roles.items}
        for d_index, dimension in enumerate(self.dimensions):
            for i_index, indicator in enumerate(dimension.indicators):
                place = f"dimensions[{d_index}].indicators[{i_index}] ({indicator.code})"
                for anchors in _anchor_sets(indicator):
                    if sorted(anchors) != levels:
                        raise ValueError(
                            f"{place}.anchors: give one anchor for each level {levels}"
                        )
                if isinstance(indicator, RoleInterviewIndicator):
                    if indicator.recall and max(b.value for b in indicator.recall.bands) > top:
                        raise ValueError(f"{place}.recall.bands: a value is above {top}")
                    for group in indicator.key_points:
                        unknown = set(group.roles or ()) - role_codes
                        if unknown:
                            raise ValueError(f"{place}.key_points: unknown roles {sorted(unknown)}")
        if any(row.value > top for row in self.display.product_values):
            raise ValueError(f"display.product_values: a value is above {top}")
        unknown = set(self.completeness.roles_required) - role_codes
        if unknown:
            raise ValueError(f"completeness.roles_required: unknown roles {sorted(unknown)}")
        self._check_parts()
        return self

    def _check_parts(self) -> None:
        """Check the 2025 kinds against the rest of the file (codes, grades)."""
        if self.score is not None:
            for indicator in self.score.secondary_indicators():
                if self.find(indicator.code) is not None:
                    raise ValueError(
                        f"score: the secondary indicator code {indicator.code} is also a "
                        f"field indicator's (codes must be unique)"
                    )
        if self.qualifier is not None and self.qualifier.grades is not None:
            known = [band.grade for band in self.grade_scale.bands]
            unknown = sorted(set(self.qualifier.grades) - {g for g in known if g})
            if unknown:
                raise ValueError(
                    f"qualifier.grades: {unknown} are not grades of the grade scale ({known})"
                )

    # -- derived views -------------------------------------------------------------------------

    @property
    def content_hash(self) -> str:
        """Return the SHA-256 of the canonical JSON of the file's content."""
        return self._content_hash

    @property
    def source(self) -> str:
        """Return where the instrument was loaded from (a file name or "workspace")."""
        return self._source

    @property
    def document(self) -> dict[str, Any]:
        """Return the parsed file content (JSON data) that the content hash was taken from."""
        return self._document

    def derived(self, key: str, build: Any) -> Any:
        """Return a value computed once from this (immutable) instrument by ``build()``."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]

    def indicators(self) -> list[tuple[Dimension, Any]]:
        """Return every (dimension, indicator) pair in file order."""
        return [(d, i) for d in self.dimensions for i in d.indicators]

    def indicator(self, code: str) -> Any:
        """Return the indicator with ``code``; raise KeyError if there is none."""
        for _dimension, indicator in self.indicators():
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def find(self, code: str) -> Any | None:
        """Return the indicator or sub-item with ``code``, or None when there is none."""
        return self.codes().get(code)

    def codes(self) -> dict[str, Any]:
        """Return every indicator and sub-item by its code (do not change it), made once.

        In file order, an indicator before its sub-items: where two hold one code, the first
        wins. Asked for every answer saved and every change a merge checks: a walk of the
        models took ~90 us a call (issue 19).
        """
        return cast(dict[str, Any], self.derived("codes", self._index_codes))

    def _index_codes(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for _dimension, indicator in self.indicators():
            found.setdefault(indicator.code, indicator)
            for sub in getattr(indicator, "sub_items", ()):
                found.setdefault(sub.code, sub)
        return found

    def dimension_of(self, code: str) -> Dimension:
        """Return the dimension holding indicator ``code``."""
        for dimension, indicator in self.indicators():
            if indicator.code == code:
                return dimension
        raise KeyError(code)

    @property
    def is_draft(self) -> bool:
        """Return True while the methodology is provisional ("metodologi sementara")."""
        return self.methodology_status == "draft"

    def templates_for(self, category: str, entity: str = "") -> list[LocusTemplateEntry]:
        """Return the locus templates for an entity (empty when none are known).

        A template naming the entity comes first; else the first for its category that names
        no entity.
        """
        wanted = entity.casefold()
        for template in self.locus_templates:
            if category in template.categories and wanted and any(
                name.casefold() == wanted for name in template.entities
            ):
                return list(template.loci)
        for template in self.locus_templates:
            if category in template.categories and not template.entities:
                return list(template.loci)
        return []


def _anchor_sets(indicator: Any) -> list[Anchors]:
    if isinstance(indicator, RatingIndicator):
        return [indicator.anchors]
    if isinstance(indicator, SubItemsIndicator):
        return [sub.anchors for sub in indicator.sub_items]
    if isinstance(indicator, RoleInterviewIndicator) and indicator.anchors is not None:
        return [indicator.anchors]
    return []
