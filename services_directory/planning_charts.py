"""Server-rendered SVG pictures of the planning report: no JavaScript, no chart service.

Each picture repeats what the accessible table next to it says (the table is the
reference for screen readers; the pictures carry a ``<title>`` and are ``role="img"``).
Cells are marked by number and text as well as by colour.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .planning import AGE_RANGE

GAP = "#f4c7c3"
THIN = "#fde9a9"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _shade(n, maximum):
    """Blue from light to dark with the share of the largest count."""
    share = min(1.0, n / maximum) if maximum else 0
    light = int(225 - 140 * share)
    return f"rgb({light - 40},{light},255)"


def _svg(width, height, title, body, key):
    return mark_safe(  # noqa: S308 (every text inside went through escape())
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{key}-svg-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'class="planning-chart" {FONT}>'
        f'<title id="{key}-svg-title">{escape(title)}</title>{body}</svg>'
    )


def _short(text, length=32):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def _text(x, y, content, anchor="start", size=None, transform=None):
    """A ``<text>``; ``content`` is escaped here."""
    place = f'transform="{transform}"' if transform else f'x="{x:.1f}" y="{y:.1f}"'
    size_attr = f' font-size="{size}"' if size else ""
    return f'<text {place} text-anchor="{anchor}"{size_attr}>{escape(content)}</text>'


def _rect(x, y, width, height, fill):
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{fill}"/>'
    )


def heatmap(matrix):
    """A grid: one row per matrix row, one column per town, the count in each cell."""
    label_width, cell_w, cell_h, header = 230, 46, 22, 110
    columns = matrix.columns
    table = matrix.table()
    maximum = max((n for _label, cells, _t in table for n, _s in cells), default=0)
    parts = []
    for index, (_key, label) in enumerate(columns):
        x = label_width + index * cell_w + cell_w / 2
        parts.append(
            _text(0, 0, _short(label, 18), transform=f"translate({x:.0f},{header - 6}) rotate(-55)")
        )
    for row_index, (label, cells, _total) in enumerate(table):
        y = header + row_index * cell_h
        parts.append(_text(label_width - 6, y + 15, _short(label), "end"))
        for col_index, (n, state) in enumerate(cells):
            x = label_width + col_index * cell_w
            fill = GAP if state == "gap" else THIN if state == "thin" else _shade(n, maximum)
            parts.append(_rect(x, y, cell_w - 2, cell_h - 2, fill))
            parts.append(_text(x + cell_w / 2 - 1, y + 15, n, "middle"))
    width = label_width + cell_w * len(columns) + 10
    height = header + cell_h * len(table) + 6
    return _svg(width, height, matrix.title, "".join(parts), f"chart-{matrix.key}")


def age_bands(report):
    """Per town a bar from 12 to 80; red where no service admits that age."""
    label_width, bar_w, row_h = 150, 480, 22
    span = AGE_RANGE[1] - AGE_RANGE[0] + 1
    step = bar_w / span
    maximum = max((n for coverage in report.ages for n in coverage.counts), default=0)
    parts = []
    for row, coverage in enumerate(report.ages):
        y = 20 + row * row_h
        parts.append(_text(label_width - 6, y + 14, _short(coverage.town, 22), "end"))
        start = 0
        for offset in range(1, span + 1):
            if offset < span and (coverage.counts[offset] == 0) == (coverage.counts[start] == 0):
                continue
            n = min(coverage.counts[start:offset])
            fill = GAP if n == 0 else _shade(n, maximum)
            x = label_width + start * step
            parts.append(_rect(x, y, (offset - start) * step, row_h - 4, fill))
            start = offset
    for age in (12, 20, 30, 40, 50, 60, 70, 80):
        parts.append(_text(label_width + (age - AGE_RANGE[0]) * step, 14, age, "middle"))
    height = 20 + row_h * len(report.ages) + 4
    return _svg(
        label_width + bar_w + 20, height, _("Ages 12–80 × town"), "".join(parts), "chart-age-bands"
    )


def change_bars(report):
    """Services added (up) and closed (down) per month, 24 months."""
    bar_w, top, mid_gap = 26, 10, 30
    maximum = max((max(a, c) for _m, a, c in report.change), default=0) or 1
    scale = 80 / maximum
    base = top + 80
    end = 40 + bar_w * len(report.change)
    parts = [f'<line x1="40" x2="{end}" y1="{base}" y2="{base}" stroke="#333"/>']
    for index, (month, added, closed) in enumerate(report.change):
        x = 40 + index * bar_w
        if added:
            h = added * scale
            parts.append(_rect(x + 3, base - h, bar_w - 6, h, "#2e7d32"))
            parts.append(_text(x + bar_w / 2, base - h - 2, added, "middle", 10))
        if closed:
            h = closed * scale
            parts.append(_rect(x + 3, base + 1, bar_w - 6, h, "#b3261e"))
            parts.append(_text(x + bar_w / 2, base + h + 11, closed, "middle", 10))
        if month.month in (1, 4, 7, 10):
            label = f"{month:%m/%y}"
            parts.append(_text(x + bar_w / 2, base + 80 + mid_gap - 6, label, "middle", 10))
    title = _("Services added (up) and closed (down) per month")
    return _svg(
        60 + bar_w * len(report.change), base + 80 + mid_gap, title, "".join(parts), "chart-change"
    )


def term_bars(report, limit=15):
    """The most frequent unmet-need words as horizontal bars."""
    terms = report.unmet_terms[:limit]
    label_width, bar_w, row_h = 170, 360, 20
    maximum = max((row["count"] for row in terms), default=1)
    parts = []
    for index, row in enumerate(terms):
        y = 4 + index * row_h
        w = bar_w * row["count"] / maximum
        parts.append(_text(label_width - 6, y + 13, _short(row["term"], 24), "end"))
        parts.append(_rect(label_width, y, w, row_h - 4, "#5b6bbf"))
        parts.append(_text(label_width + w + 4, y + 13, row["count"]))
    height = 8 + row_h * len(terms)
    return _svg(
        label_width + bar_w + 50,
        height,
        _("Unmet needs: most searched words"),
        "".join(parts),
        "chart-unmet",
    )
