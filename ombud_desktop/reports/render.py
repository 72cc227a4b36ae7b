"""Render report data to PDF with reportlab: the on-site summary, entity recap, province overview.

Everything printed comes from the report data (``data.py``) and the label table; the font is
the DejaVu Sans shipped in resources/fonts, embedded (subset) in every PDF. ``invariant=True``
gives the same bytes for the same input (no time stamps or random ids), for tests.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from ombud_desktop.formatting import MISSING, format_number, format_score
from ombud_desktop.reports import layout as L
from ombud_desktop.reports.data import (
    EntityReport,
    GradeInfo,
    LocusReport,
    ProvinceReport,
    format_value,
    score_text,
)
from ombud_desktop.reports.labels import label

PAGE_WIDTH = A4[0]
BODY_WIDTH = PAGE_WIDTH - 2 * L.MARGIN
QR_SIZE = 19 * mm


def _header_table(pairs: list[tuple[str, str]], st: dict[str, Any]) -> Table:
    rows = [[L.p(name, st["muted"]), L.p(value, st["body"], 3 * L.NAME)]
            for name, value in pairs]
    t = L.grid(rows, colWidths=[38 * mm, BODY_WIDTH - 38 * mm])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return t


def _title(text: str, provisional: bool, lang: str, st: dict[str, Any]) -> Flowable:
    if not provisional:
        return L.p(text, st["title"])
    stamp_text = L.rich(
        f'<font color="#B3261E"><b>{escape(label("provisional", lang))}</b></font>', st["centre"]
    )
    stamp = L.grid([[stamp_text]], colWidths=[36 * mm])
    stamp.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, L.PROVISIONAL)]))
    t = L.grid([[L.p(text, st["title"]), stamp]], colWidths=[BODY_WIDTH - 40 * mm, 40 * mm])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
    ]))
    return t


def _result_block(score_label: str, score: float | None, grade: GradeInfo | None,
                  lines: list[str], chart: Flowable | None, lang: str,
                  st: dict[str, Any]) -> Table:
    badge: Flowable = (
        L.Badge(grade.grade or "–", grade.colour) if grade else L.Badge("–", "#9AA0A6")
    )
    # One table row (badge, words, chart) cannot split over pages: every text here is cut.
    words = [
        L.p(score_label, st["muted"]),
        L.p(score_text(score, lang), st["big"]),
    ]
    if grade:
        letter, zone = L.clip(grade.grade or "–", L.CODE), L.clip(grade.zone_label, L.SHORT)
        words.append(L.rich(
            f"{escape(label('grade', lang))}: <b>{escape(letter)}</b> · "
            f"{escape(label('zone', lang))}: <b>{escape(zone)}</b>", st["body"]))
        words.append(L.rich(f"{escape(label('opinion', lang))}: "
                            f"<b>{escape(L.clip(grade.opinion, L.SHORT))}</b>", st["body"]))
    words.extend(L.p(line, st["small"], L.SHORT + 60) for line in lines)
    cells = [badge, words]
    widths = [30 * mm, 62 * mm]
    if chart is not None:
        cells.append(chart)
        widths.append(BODY_WIDTH - sum(widths))
    t = L.grid([cells], colWidths=widths, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("BOX", (0, 0), (-1, -1), 0.5, L.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return t


# -- the on-site summary ----------------------------------------------------------------------


def _locus_footer(report: LocusReport) -> L.Footer:
    lang = report.language
    v = report.verification

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        lines = [
            f"{label('verification', lang)}: {v.code}",
            (f"{report.entity} · {report.locus}",
             f" · {label('printed', lang, date=report.printed_on)}"),
            f"{v.assessment_id} · {v.digest}",
        ]
        L.draw_footer_text(canvas, lines, label("page", lang, page=page, pages=pages),
                           page_width=PAGE_WIDTH, right_edge=PAGE_WIDTH - L.MARGIN - QR_SIZE - 3)
        L.draw_qr(canvas, v.qr_payload, PAGE_WIDTH - L.MARGIN - QR_SIZE, 4 * mm, QR_SIZE)

    return footer


def _indicator_table(report: LocusReport, st: dict[str, Any]) -> Table:
    lang = report.language
    rows: list[list[Any]] = [[label("code", lang), label("indicator", lang), label("value", lang)]]
    extra: list[tuple] = [("ALIGN", (2, 0), (2, -1), "CENTER")]
    titles = {d.code: d.title for d in report.dimensions}
    current = None
    for row in report.indicators:
        if row.dimension != current:
            current = row.dimension
            rows.append([L.p(f"{row.dimension} · {titles.get(row.dimension, '')}", st["cell"],
                             L.LINE), "", ""])
            n = len(rows) - 1
            extra += [("SPAN", (0, n), (-1, n)), ("BACKGROUND", (0, n), (-1, n), L.LIGHT)]
        if row.not_applicable:
            value = label("not_applicable", lang)
        elif row.value is None:
            value = label("no_value", lang)
        else:
            value = format_value(row.value, lang)
        rows.append([L.fit(row.code, 16 * mm - 12), L.p(row.title, st["cell"], L.TEXT),
                     L.p(value, st["cell"], L.NAME)])
        if row.value is not None and row.value < 3:
            n = len(rows) - 1
            extra.append(("FONT", (0, n), (0, n), L.FONT_BOLD, 8))
    return L.table(rows, [16 * mm, BODY_WIDTH - 44 * mm, 28 * mm], extra=extra)


def _deficiency_list(report: LocusReport, st: dict[str, Any]) -> list[Flowable]:
    lang = report.language
    if not report.deficiencies:
        return [L.p(label("no_deficiencies", lang), st["body"])]
    out: list[Flowable] = []
    for number, item in enumerate(report.deficiencies, start=1):
        value = format_value(item.value, lang)
        markup = (
            f"{number}. <b>{escape(L.clip(item.code, L.CODE))} "
            f"{escape(L.clip(item.title, L.LINE))}</b> "
            f"({escape(label('value', lang))} {escape(value)}): {escape(L.clip(item.fix, L.TEXT))}"
        )
        if item.detail:
            markup += f" <i>{escape(L.clip(item.detail, L.TEXT))}</i>"
        # One deficiency is never split over two pages (the footer would cut it in two).
        out.append(KeepTogether([L.rich(markup, st["body"])]))
        out.append(Spacer(1, 2))
    return out


def _sample_and_roles(report: LocusReport, st: dict[str, Any]) -> list[Flowable]:
    lang = report.language
    out: list[Flowable] = [
        L.p(label("sample", lang), st["h2"]),
        L.p(label("sample_text", lang, counted=report.sample_counted,
                  target=report.sample_target, minimum=report.sample_minimum), st["body"]),
    ]
    rows: list[list[Any]] = [[label("code", lang), label("role", lang), label("position", lang),
                              label("status", lang)]]
    for role in report.roles:
        rows.append([L.fit(role.code, 12 * mm - 12), L.p(role.title, st["cell"], L.NAME),
                     L.p(role.position, st["cell"], L.NAME),
                     L.p(role.status, st["cell"], L.LINE)])
    out.append(KeepTogether([
        L.p(label("roles", lang), st["h2"]),
        L.table(rows, [12 * mm, 58 * mm, 50 * mm, BODY_WIDTH - 120 * mm]),
    ]))
    return out


def _photo_grid(report: LocusReport, st: dict[str, Any]) -> list[Flowable]:
    cells = []
    width = (BODY_WIDTH - 8 * mm) / 3
    for photo in report.photos:
        data = L.thumbnail(photo.path)
        if data is None:
            # An evidence file that cannot be drawn (damaged, or not a photo): say so in its
            # place, so the summary is still made and no evidence silently disappears.
            image: Flowable = _photo_placeholder(report, st, width)
        else:
            image = Image(data, width=width, height=width * 0.75, kind="proportional")
        cells.append([image, L.p(photo.caption, st["muted"], L.NAME)])
    if not cells:
        return []
    rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
    rows[-1] += [""] * (3 - len(rows[-1]))
    t = L.grid(rows, colWidths=[width + 8 * mm / 3] * 3)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([L.p(label("photos", report.language), st["h2"]), t])]


def _photo_placeholder(report: LocusReport, st: dict[str, Any], width: float) -> Flowable:
    box = Table(
        [[L.p(label("photo_unreadable", report.language), st["muted"])]],
        colWidths=[width],
        rowHeights=[width * 0.75],
    )
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, L.RULE),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return box


def _signatures(report: LocusReport, st: dict[str, Any]) -> Flowable:
    lang = report.language
    people = list(report.signatories)
    width = BODY_WIDTH / 3
    cells = []
    for person in people:
        name = person.name or "." * 40
        # The block sits in a table row that cannot split over pages: names are cut.
        block = [
            L.p(person.role, st["muted"], L.NAME),
            Spacer(1, 16 * mm),
            L.p("_" * 30, st["muted"]),
            L.p(f"{label('name', lang)}: {L.clip(name, L.NAME)}", st["body"]),
        ]
        if person.position:
            block.append(L.p(person.position, st["small"], L.NAME))
        cells.append(block)
    rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
    rows[-1] += [""] * (3 - len(rows[-1]))
    t = L.grid(rows, colWidths=[width] * 3)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([
        L.p(label("signatures", lang), st["h2"]),
        L.p(label("sign_statement", lang), st["small"]),
        L.p(f"{label('date', lang)}: {report.visit_date}", st["small"], L.LINE),
        Spacer(1, 3 * mm),
        t,
    ])


def render_locus(report: LocusReport, *, invariant: bool = False) -> bytes:
    """Return the on-site summary of one locus as PDF bytes."""
    L.register_fonts()
    st = L.styles()
    lang = report.language
    story: list[Flowable] = [
        _title(label("locus_title", lang), report.provisional, lang, st),
        Spacer(1, 3 * mm),
        _header_table([
            (label("entity", lang), f"{L.clip(report.entity, L.NAME)} "
                                    f"({L.clip(report.category, L.NAME)}, "
                                    f"{L.clip(report.province, L.NAME)})"),
            (label("locus", lang), report.locus),
            (label("period", lang), report.period),
            (label("visit_date", lang), report.visit_date),
            (label("team", lang), ", ".join(L.clip(name, L.NAME) for name in report.team)
             or MISSING),
            (label("instrument", lang), report.instrument),
        ], st),
        *_methodology(report.methodology, st),
        Spacer(1, 4 * mm),
    ]
    names = [d.code for d in report.dimensions]
    chart = L.dimension_chart(names, [d.score for d in report.dimensions], 74 * mm, 30 * mm,
                              lambda value: format_score(value, lang), MISSING)
    lines = []
    if report.provisional:
        lines.append(label("provisional_note", lang, n=report.open_points))
    story.append(_result_block(label("locus_score", lang), report.score, report.grade, lines,
                               chart, lang, st))
    if report.open_reasons:
        story += [
            L.p(label("open_reasons", lang), st["h2"]),
            # A paragraph of its own splits over pages: every reason is kept, each one cut.
            L.p(" · ".join(L.clip(r, L.LINE) for r in report.open_reasons), st["body"],
                L.ALL),
        ]
    rows: list[list[Any]] = [[label("dimension", lang), label("weight", lang),
                              label("score", lang)]]
    for d in report.dimensions:
        rows.append([L.p(f"{d.code} · {d.title}", st["cell"], L.LINE),
                     format_number(d.weight, lang), score_text(d.score, lang)])
    story += [
        L.p(label("dimensions", lang), st["h2"]),
        L.table(rows, [BODY_WIDTH - 56 * mm, 28 * mm, 28 * mm],
                extra=[("ALIGN", (1, 0), (-1, -1), "RIGHT")]),
        L.p(label("indicators", lang), st["h2"]),
        _indicator_table(report, st),
        L.p(label("deficiencies", lang), st["h2"]),
        *_deficiency_list(report, st),
        *_sample_and_roles(report, st),
        *_photo_grid(report, st),
        Spacer(1, 4 * mm),
        _signatures(report, st),
    ]
    return L.build_pdf(
        story, _locus_footer(report), invariant=invariant,
        title=f"{label('locus_title', lang)}: {report.entity} · {report.locus}",
        subject=f"{report.verification.assessment_id} {report.verification.digest}",
    )


# -- entity recap and province overview -------------------------------------------------------


def _plain_footer(name: str, lang: str, printed_on: str) -> L.Footer:
    def footer(canvas: Canvas, page: int, pages: int) -> None:
        left = (f"Ombud Desktop · {name}", f" · {label('printed', lang, date=printed_on)}")
        L.draw_footer_text(canvas, [left], label("page", lang, page=page, pages=pages),
                           page_width=PAGE_WIDTH)

    return footer


def render_entity(report: EntityReport, *, invariant: bool = False) -> bytes:
    """Return the recap of one entity as PDF bytes."""
    L.register_fonts()
    st = L.styles()
    lang = report.language
    lines = [label("mean_of_loci", lang) + ": " + score_text(report.mean_of_loci, lang)]
    if report.rank is not None:
        lines.append(label("rank", lang) + ": " + (
            label("rank_of_scope", lang, rank=report.rank, total=report.rank_total,
                  scope=report.rank_scope) if report.rank_scope else
            label("rank_of", lang, rank=report.rank, total=report.rank_total,
                  category=report.category)))
    if report.rank_in_province is not None:
        lines.append(f"{label('rank_in_province', lang)}: "
                     f"{format_number(report.rank_in_province, lang)}")
    if report.approved:
        lines.append(report.approved)
    if report.previous:
        lines.append(f"{label('previous_period', lang)}: {report.previous}")
    if report.change:
        lines.append(report.change)
    lines += report.model_lines  # the 2025 model: parts, trust, secondary data, draft mark
    story: list[Flowable] = [
        _title(label("entity_title", lang), report.provisional, lang, st),
        Spacer(1, 3 * mm),
        _header_table([
            (label("entity", lang), report.entity),
            (label("category", lang), report.category),
            (label("province", lang), report.province),
            (label("period", lang), report.period),
        ], st),
        Spacer(1, 4 * mm),
        _result_block(label("entity_score", lang), report.score, report.grade, lines, None,
                      lang, st),
        *_status(report.status, report.provisional, st),
        L.p(label("corrections", lang), st["h2"]),
    ]
    if report.corrections:
        story += [L.p(f"• {text}", st["body"]) for text in report.corrections]  # cut at TEXT
    else:
        story.append(L.p(label("no_corrections", lang), st["body"]))
    codes = [d.code for d in report.dimensions]
    header = ["#", label("locus", lang), label("score", lang), label("grade", lang),
              *(L.fit(code, 14 * mm - 12, L.FONT_BOLD) for code in codes), label("review", lang)]
    rows: list[list[Any]] = [header]
    extra: list[tuple] = [("ALIGN", (2, 0), (-2, -1), "RIGHT"),
                          ("ALIGN", (3, 0), (3, -1), "CENTER")]
    for n, locus in enumerate(report.loci, start=1):
        name = locus.name + (f" ({label('provisional', lang).lower()})" if locus.provisional
                             else "")
        rows.append([f"L{n}", L.p(name, st["cell"], L.NAME), score_text(locus.score, lang),
                     L.fit(locus.grade.grade or "–", 14 * mm - 12, L.FONT_BOLD)
                     if locus.grade else "–",
                     *(score_text(locus.dimensions.get(code), lang) for code in codes),
                     L.p(locus.review, st["cell"], L.NAME)])
        if locus.grade:
            extra += L.zone_cell((3, n), locus.grade.colour)
    other = 8 * mm + 18 * mm + 14 * mm + 14 * mm * len(codes) + 24 * mm
    story += [
        L.p(label("loci", lang), st["h2"]),
        L.table(rows, [8 * mm, BODY_WIDTH - other, 18 * mm, 14 * mm, *([14 * mm] * len(codes)),
                       24 * mm], extra=extra),
        L.p(label("compare_dimensions", lang), st["h2"]),
        L.grouped_chart(codes, [(f"L{n} {locus.name}", [locus.dimensions.get(c) for c in codes])
                                for n, locus in enumerate(report.loci, start=1)],
                        BODY_WIDTH, 62 * mm),
        L.p(label("common_deficiencies", lang), st["h2"]),
    ]
    if not report.common_deficiencies:
        story.append(L.p(label("no_common", lang), st["body"]))
    number = {locus.name: f"L{n}" for n, locus in enumerate(report.loci, start=1)}
    if report.common_deficiencies:
        common: list[list[Any]] = [[label("indicator", lang), label("loci", lang),
                                    label("deficiencies", lang)]]
        for item in report.common_deficiencies:
            where = label("in_loci", lang, n=len(item.loci), total=len(report.loci))
            if len(item.loci) < len(report.loci):
                where += ": " + ", ".join(number.get(name, name) for name in item.loci)
            common.append([
                L.rich(f"<b>{escape(L.clip(item.code, L.CODE))}</b> "
                       f"{escape(L.clip(item.title, L.LINE))}", st["cell"]),
                L.p(where, st["cell"], L.LINE),
                L.p(item.fix, st["cell"], L.TEXT),
            ])
        story.append(L.table(common, [52 * mm, 30 * mm, BODY_WIDTH - 82 * mm]))
    return L.build_pdf(
        story, _plain_footer(report.entity, lang, report.printed_on), invariant=invariant,
        title=f"{label('entity_title', lang)}: {report.entity} {report.period}",
        subject=report.entity,
    )


def _methodology(text: str, st: dict[str, Any]) -> list[Flowable]:
    """Return the provisional-methodology mark under a report's header (none when final)."""
    if not text:
        return []
    return [Spacer(1, 2 * mm),
            L.rich(f'<font color="#B3261E"><b>{escape(L.clip(text, L.LINE))}</b></font>',
                   st["body"])]


def _status(status: str, provisional: bool, st: dict[str, Any]) -> list[Flowable]:
    """Return the result's status under the score: why it is provisional, in words."""
    if not status:
        return []
    if not provisional:
        return [Spacer(1, 1 * mm), L.p(status, st["muted"])]
    return [Spacer(1, 2 * mm),
            L.rich(f'<font color="#B3261E"><b>{escape(L.clip(status, L.TEXT))}</b></font>',
                   st["body"])]


def render_province(report: ProvinceReport, *, invariant: bool = False) -> bytes:
    """Return the overview of the entities of a province as PDF bytes."""
    L.register_fonts()
    st = L.styles()
    lang = report.language
    counts = [[label("zone", lang), label("count", lang)]]
    extra: list[tuple] = [("ALIGN", (1, 0), (1, -1), "RIGHT")]
    for n, (_code, name, colour, count) in enumerate(report.zone_counts, start=1):
        # A plain string keeps the zone cell's text colour; it is cut to the column instead.
        counts.append([L.fit(name, 34 * mm - 12, L.FONT_BOLD), format_number(count, lang)])
        extra += L.zone_cell((0, n), colour)
    counts.append([label("ungraded", lang), format_number(report.ungraded, lang)])
    zone_table = L.table(counts, [34 * mm, 18 * mm], extra=extra)
    chart = L.count_chart([(g, c, n) for g, c, n in report.grade_counts], 100 * mm, 48 * mm,
                          label("distribution", lang))
    side = L.grid([[zone_table, chart]], colWidths=[60 * mm, BODY_WIDTH - 60 * mm])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    rows, widths, table_extra = _province_rows(report, st)
    story: list[Flowable] = [
        L.p(label("province_title", lang), st["title"]),
        Spacer(1, 3 * mm),
        _header_table([(label("province", lang), report.province),
                       (label("period", lang), report.period),
                       (label("entities", lang), format_number(len(report.entities), lang))],
                      st),
        *_methodology(report.methodology, st),
        L.p(label("per_zone", lang), st["h2"]),
        side,
        L.p(label("entities", lang), st["h2"]),
        L.p(label("rank_province_note", lang), st["small"]),
    ]
    if report.wider_rank:
        story += [L.p(f"{label('rank_among', lang)} — {line}", st["small"], L.TEXT)
                  for line in report.rank_scopes]
    story += [Spacer(1, 2 * mm), L.table(rows, widths, extra=table_extra)]
    if any(e.provisional for e in report.entities):
        story.append(L.p("* " + label("provisional", lang).lower(), st["muted"]))
    return L.build_pdf(
        story, _plain_footer(report.province, lang, report.printed_on), invariant=invariant,
        title=f"{label('province_title', lang)}: {report.province} {report.period}",
        subject=report.province,
    )


def _province_rows(
    report: ProvinceReport, st: dict[str, Any]
) -> tuple[list[list[Any]], list[float], list[tuple]]:
    """Return the entity table of the province overview: rows, column widths, styles.

    The rank within the province always; the wider rank (several provinces, or the whole
    country) beside it when the workspace ranks more than one province. A provisional entity
    says why under its name.
    """
    lang = report.language
    header = ["#", label("entity", lang), label("category", lang), label("province", lang),
              label("score", lang), label("grade", lang), label("rank_in_province", lang)]
    widths = [7 * mm, 0.0, 20 * mm, 22 * mm, 14 * mm, 18 * mm, 20 * mm]
    if report.wider_rank:
        header.append(label("rank", lang))
        widths.append(20 * mm)
    header.append(label("loci", lang))
    widths.append(23 * mm)
    widths[1] = BODY_WIDTH - sum(widths)
    rows: list[list[Any]] = [[L.rich(f"<b>{escape(text)}</b>", st["cell"]) if n else text
                              for n, text in enumerate(header)]]
    table_extra: list[tuple] = [("ALIGN", (4, 0), (-2, -1), "RIGHT"),
                                ("ALIGN", (5, 0), (5, -1), "CENTER")]
    for n, e in enumerate(report.entities, start=1):
        name: list[Flowable] = [
            L.p(L.clip(e.entity, L.NAME) + (" *" if e.provisional else ""), st["cell"])
        ]
        if e.provisional and e.status:
            name.append(L.rich(f'<font color="#B3261E">{escape(L.clip(e.status, L.LINE))}</font>',
                               st["cell"]))
        row: list[Any] = [str(n), name, L.p(e.category, st["cell"], L.NAME),
                          L.p(e.province, st["cell"], L.NAME), score_text(e.score, lang),
                          L.fit(e.grade.grade or "–", 18 * mm - 12, L.FONT_BOLD)
                          if e.grade else "–",
                          format_number(e.rank_in_province, lang)]
        if report.wider_rank:
            row.append(format_number(e.rank, lang))
        row.append([L.p(e.loci, st["cell"], L.NAME), L.p(e.approved, st["cell"], L.NAME)])
        rows.append(row)
        if e.grade:
            table_extra += L.zone_cell((5, n), e.grade.colour)
    return rows, widths, table_extra
