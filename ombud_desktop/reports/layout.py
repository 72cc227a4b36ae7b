"""What every report PDF shares: the embedded font, styles, the page frame, badges and charts."""

from __future__ import annotations

import hashlib
import io
import itertools
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

FONT = "OmbudSans"
FONT_BOLD = "OmbudSans-Bold"
MARGIN = 16 * mm
FOOTER = 26 * mm  # room at the foot of each page for the footer and the QR code
GREY = colors.HexColor("#5F6368")
LIGHT = colors.HexColor("#EEF1F4")
RULE = colors.HexColor("#B0B7BF")
ACCENT = colors.HexColor("#1F4E79")
PROVISIONAL = colors.HexColor("#B3261E")
SERIES = ["#1F4E79", "#2E86AB", "#F18F01", "#6A994E", "#8E6C8A", "#C73E1D", "#3B3B3B"]

_registered = False


def register_fonts() -> None:
    """Register the shipped DejaVu Sans (regular and bold) once, under the report font names."""
    global _registered
    if _registered:
        return
    folder = resources.files("ombud_desktop.resources").joinpath("fonts")
    for name, filename in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(folder.joinpath(filename).read_bytes())))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)
    _registered = True


def styles() -> dict[str, ParagraphStyle]:
    """Return the paragraph styles of the reports."""
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=7.5, leading=9.5, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=15,
                                leading=19, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=14,
                             spaceBefore=8, spaceAfter=3, textColor=ACCENT),
        "big": ParagraphStyle("big", parent=base, fontName=FONT_BOLD, fontSize=20, leading=24),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
    }


# How much of a text a report prints. Any text may be typed as long as the app allows, or
# arrive in a package; a name printed in a table cell or a signature block is cut (with "…")
# so that no row can grow taller than a page, which reportlab cannot lay out (LayoutError).
SHORT = 100  # a zone or an opinion beside the score (a narrow column beside the badge)
NAME = 200  # a name, position, place or short status in a table cell
LINE = 400  # one line of words beside the score, a reason, a status
TEXT = 1500  # a paragraph of its own (what to fix, a correction)
ALL = 10**6  # a paragraph that may run over pages (a list of reasons)
CODE = 12  # a code (IN07, D1) or a grade letter printed in a narrow column


def clip(text: str, limit: int) -> str:
    """Return ``text`` cut to at most ``limit`` characters, ending in "…" when it was cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def fit(text: str, width: float, font: str = FONT, size: float = 8) -> str:
    """Return ``text`` cut (with "…") to fit ``width`` points on one line in ``font``."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start that fits with its "…"
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def p(text: str, style: ParagraphStyle, limit: int = TEXT) -> Paragraph:
    """Return a paragraph of plain text (escaped; ``**`` is not markup here), cut at ``limit``.

    A word longer than the line is broken (``splitLongWords``, on in every style here).
    """
    return Paragraph(escape(clip(text, limit)), style)


def rich(markup: str, style: ParagraphStyle) -> Paragraph:
    """Return a paragraph of markup the caller has escaped itself."""
    return Paragraph(markup, style)


def text_colour_on(hex_colour: str) -> colors.Color:
    """Return black or white, whichever reads better on ``hex_colour``."""
    c = colors.HexColor(hex_colour)
    luminance = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
    return colors.black if luminance > 0.55 else colors.white


class Badge(Flowable):
    """A grade letter on a rounded square in its zone colour."""

    def __init__(self, grade: str, colour: str, size: float = 26 * mm):
        super().__init__()
        self.grade, self.colour, self.size = grade, colour, size
        self.width = self.height = size

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(colors.HexColor(self.colour))
        canvas.roundRect(0, 0, self.size, self.size, 3 * mm, stroke=0, fill=1)
        canvas.setFillColor(text_colour_on(self.colour))
        canvas.setFont(FONT_BOLD, self.size * 0.62)
        grade = fit(self.grade, self.size * 0.9, FONT_BOLD, self.size * 0.62)
        canvas.drawCentredString(self.size / 2, self.size * 0.25, grade)


def _drawing(width: float, height: float, **kwargs: Any) -> Drawing:
    """Return a drawing whose text starts in the report font (not reportlab's Helvetica)."""
    drawing = Drawing(width, height, **kwargs)
    drawing.initialFontName = FONT
    return drawing


def qr_modules(payload: str) -> list[list[bool]]:
    """Return the dark (True) and light modules of the QR code of ``payload``, row by row."""
    widget = QrCodeWidget(payload, barLevel="M")  # reportlab's own encoder
    widget.qr.make()
    return [[bool(module) for module in row] for row in widget.qr.modules]


def _bar_chart_fonts(chart: Any) -> None:
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 25
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LIGHT
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.strokeColor = RULE


def dimension_chart(names: Sequence[str], scores: Sequence[float | None],
                    width: float, height: float, label: Callable[[float], str],
                    missing: str = "–") -> Drawing:
    """Return a small horizontal bar chart of the dimension scores (0-100).

    ``label`` writes a score beside its bar (in the report's language); a dimension without a
    score has no bar and ``missing`` beside it, never a bar of 0.
    """
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 34, 14
    chart.width, chart.height = width - 58, height - 20
    chart.data = [list(scores)[::-1]]
    chart.categoryAxis.categoryNames = [clip(name, CODE) for name in names][::-1]
    _bar_chart_fonts(chart)
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = label
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.naLabel = NA_Label()
    chart.naLabel.text = missing
    chart.naLabel.fontName = FONT
    chart.naLabel.fontSize = 7
    chart.naLabel.boxAnchor = "w"
    chart.naLabel.dx = 2
    drawing.add(chart)
    return drawing


def grouped_chart(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
                  width: float, height: float) -> Drawing:
    """Return a vertical bar chart: one group per category, one bar per series, a legend."""
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    legend_width = 62 * mm
    chart.x, chart.y = 26, 18
    chart.width, chart.height = width - legend_width - 34, height - 28
    # A dimension without a score has no bar (not a bar of 0).
    chart.data = [list(values) for _name, values in series]
    chart.categoryAxis.categoryNames = [clip(name, CODE) for name in categories]
    _bar_chart_fonts(chart)
    chart.groupSpacing = 8
    for index in range(len(series)):
        chart.bars[index].fillColor = colors.HexColor(SERIES[index % len(SERIES)])
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - legend_width + 4, height - 8
    legend.fontName, legend.fontSize = FONT, 7
    legend.alignment = "right"
    legend.deltay = 9
    legend.columnMaximum = 12
    legend.dx = legend.dy = 6
    legend.colorNamePairs = [
        (colors.HexColor(SERIES[i % len(SERIES)]), clip(name, 38))
        for i, (name, _values) in enumerate(series)
    ]
    drawing.add(legend)
    return drawing


def count_chart(bars: Sequence[tuple[str, str, int]], width: float, height: float,
                title: str) -> Drawing:
    """Return a bar chart of counts, each bar in its own colour: (name, colour, count)."""
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 16
    chart.width, chart.height = width - 40, height - 32
    chart.data = [[count for _n, _c, count in bars]]
    chart.categoryAxis.categoryNames = [clip(name, 4) for name, _c, _n in bars]  # grades
    _bar_chart_fonts(chart)
    top = max([count for _n, _c, count in bars] + [1])
    chart.valueAxis.valueMax = top + max(1, top // 5)
    chart.valueAxis.valueStep = max(1, (top + 4) // 5)
    chart.bars[0].strokeColor = None
    for index, (_name, colour, _count) in enumerate(bars):
        chart.bars[(0, index)].fillColor = colors.HexColor(colour)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(2, height - 9, title, fontName=FONT_BOLD, fontSize=8))
    return drawing


def grid(rows: list[list[Any]], **kwargs: Any) -> Table:
    """Return a plain table whose text is in the report font."""
    t = Table(rows, **kwargs)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8)]))
    return t


def table(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True,
          extra: Sequence[tuple] = ()) -> Table:
    """Return a table in the report style (a shaded, repeated header row)."""
    # A row may still be split over two pages (a long paragraph in a cell), never refused.
    t = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, splitInRow=1)
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ]
    t.setStyle(TableStyle([*commands, *extra]))
    return t


def zone_cell(cell: tuple[int, int], colour: str) -> list[tuple]:
    """Return table commands that paint ``cell`` in a zone colour with readable text."""
    return [
        ("BACKGROUND", cell, cell, colors.HexColor(colour)),
        ("TEXTCOLOR", cell, cell, text_colour_on(colour)),
        ("FONT", cell, cell, FONT_BOLD, 8),
        ("ALIGN", cell, cell, "CENTER"),
    ]


Footer = Callable[[Canvas, int, int], None]


def _numbered_canvas(footer: Footer) -> type[Canvas]:
    """Return a canvas class that draws ``footer(canvas, page, pages)`` once the count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(story: list[Flowable], footer: Footer, *, title: str, subject: str,
              invariant: bool = False, pagesize: tuple[float, float] = A4) -> bytes:
    """Lay out ``story`` on A4 pages with ``footer`` on each; return the PDF bytes."""
    register_fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=FOOTER, title=title, subject=subject, author="Ombud Desktop",
        creator="Ombud Desktop", invariant=1 if invariant else 0,
        initialFontName=FONT, pageCompression=1,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    # Binary streams instead of ASCII85 text: smaller files, and the ASCII85 encoder runs in
    # pure Python without reportlab's optional accelerator (a third of the time with photos).
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        doc.build(story, canvasmaker=_numbered_canvas(footer))
    finally:
        rl_config.useA85 = saved
    return out.getvalue()


def draw_footer_text(canvas: Canvas, lines: Sequence[str | tuple[str, str]], right: str, *,
                     page_width: float, right_edge: float | None = None) -> None:
    """Draw the footer's rule, its lines of small text on the left and ``right`` on the right.

    A line given as (names, tail) keeps its tail (the date printed) whole and cuts the names.
    """
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    edge = right_edge if right_edge is not None else page_width - MARGIN
    canvas.line(MARGIN, FOOTER - 5 * mm, edge, FOOTER - 5 * mm)
    canvas.setFillColor(GREY)
    # Each line is cut to its room (a long entity name would run off the page); the first
    # line shares its row with the page number.
    beside = edge - MARGIN - pdfmetrics.stringWidth(right, FONT, 7.5) - 4 * mm
    y = FOOTER - 9.5 * mm
    for number, line in enumerate(lines):
        room = beside if number == 0 else edge - MARGIN
        font = FONT_BOLD if number == 0 and len(lines) > 1 else FONT
        size = 7.5 if number < 2 else 6
        canvas.setFont(font, size)
        if isinstance(line, tuple):
            head, tail = line
            line = fit(head, room - pdfmetrics.stringWidth(tail, font, size), font, size) + tail
        canvas.drawString(MARGIN, y, fit(line, room, font, size))
        y -= 3.6 * mm
    canvas.setFont(FONT, 7.5)
    canvas.drawRightString(edge, FOOTER - 9.5 * mm, right)
    canvas.restoreState()


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``payload`` with its lower left corner at (x, y).

    The code is encoded and drawn once per document, as a form that every page reuses: drawn
    as a reportlab widget on each page it cost ~0.2 s a page.
    """
    name = "qr" + hashlib.sha256(f"{payload}|{size}".encode()).hexdigest()[:16]
    if not canvas.hasForm(name):
        modules = qr_modules(payload)
        border = 1
        box = size / (len(modules) + 2 * border)
        canvas.beginForm(name, lowerx=0, lowery=0, upperx=size, uppery=size)
        path = canvas.beginPath()
        for r, row in enumerate(modules):
            c = 0
            for dark, run in itertools.groupby(row):
                count = len(list(run))
                if dark:
                    path.rect((c + border) * box, size - (r + border + 1) * box, count * box, box)
                c += count
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


# A photo whose header claims more pixels than this is not decoded for a thumbnail: the store
# keeps photos of at most a few megapixels, so such a file was not made by Ombud Desktop.
THUMBNAIL_MAX_PIXELS = 80_000_000


def thumbnail(path: Path, max_edge: int = 480) -> io.BytesIO | None:
    """Return a small JPEG of the photo at ``path`` (None when it cannot be read or drawn).

    Only JPEG and PNG are opened, and their size is checked before anything is decoded: an
    evidence file from elsewhere may be anything (an archive, a program, a 50,000-pixel PNG).
    """
    from PIL import Image, JpegImagePlugin, PngImagePlugin  # noqa: F401

    try:
        with Image.open(path, formats=("JPEG", "PNG")) as image:
            width, height = image.size
            if not 0 < width * height <= THUMBNAIL_MAX_PIXELS:
                return None
            image.draft("RGB", (max_edge, max_edge))  # JPEG: decode at a reduced size
            image = image.convert("RGB")
            image.thumbnail((max_edge, max_edge))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=80)
    except Exception:  # Pillow raises many kinds of error on bad bytes; any means "cannot draw"
        return None
    out.seek(0)
    return out
