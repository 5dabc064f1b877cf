"""CSV and XLSX exports of the planning report: one table per section.

Every text cell that a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) gets a leading apostrophe, so a service, provider
or search word named "=HYPERLINK(…)" stays text (OWASP "CSV injection").
"""

import csv
import io
import re

from django.http import HttpResponse
from django.utils.translation import gettext as _

from portal.security.sanitize import csv_safe

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """Numbers stay numbers; text that looks like a formula becomes plain text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return csv_safe("" if value is None else str(value))


def sections(report):
    """``[(title, header, rows)]``: every table of the report, in the report's order."""
    towns = [label for _key, label in report.towns]
    result = []
    for matrix in report.matrices:
        rows = [[label, *(n for n, _s in cells), total] for label, cells, total in matrix.table()]
        result.append((matrix.title, [matrix.row_heading, *towns, _("All towns")], rows))
    result.append(
        (
            _("Ages without any service"),
            [_("Town"), _("Ages without any service")],
            [
                [c.town, ", ".join(f"{a}–{b}" for a, b in c.gaps()) or _("no gaps")]
                for c in report.ages
            ],
        )
    )
    freshness_header = [_("Services"), _("not verified for 6–12 months"), _("12 months or never")]
    result.append(
        (
            _("Verification by town"),
            [_("Town"), *freshness_header],
            [list(row) for row in report.freshness_towns],
        )
    )
    result.append(
        (
            _("Verification by provider"),
            [_("Provider"), *freshness_header],
            [list(row) for row in report.freshness_providers],
        )
    )
    result.append(
        (
            _("Services added and closed per month"),
            [_("Calendar month"), _("services added"), _("services closed")],
            [[f"{month:%Y-%m}", added, closed] for month, added, closed in report.change],
        )
    )
    result.append(
        (
            _("Unmet needs: words"),
            [_("Search word"), _("Number of searches")],
            [[row["term"], row["count"]] for row in report.unmet_terms],
        )
    )
    result.append(
        (
            _("Unmet needs by month, language and town"),
            [
                _("Calendar month"),
                _("Language"),
                _("Town"),
                _("Search word"),
                _("Number of searches"),
            ],
            [
                [f"{r['month']:%Y-%m}", r["language"], r["town"], r["term"], r["count"]]
                for r in report.unmet_rows
            ],
        )
    )
    return result


def filename(report, extension):
    return f"angebotsplanung-{report.today:%Y-%m-%d}.{extension}"


def csv_response(report):
    """One UTF-8 file with a byte order mark (Excel), ``;``-separated, a table per section."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(_("Offer planning")), f"{report.today:%Y-%m-%d}"])
    for title, header, rows in sections(report):
        writer.writerow([])
        writer.writerow([neutralise(title)])
        writer.writerow([neutralise(cell) for cell in header])
        for row in rows:
            writer.writerow([neutralise(cell) for cell in row])
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(report, "csv")}"'
    return response


def xlsx_bytes(report):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    used = set()
    for title, header, rows in sections(report):
        name = re.sub(r"[\[\]:*?/\\']", " ", title)[:31].strip() or "Tabelle"
        while name in used:
            name = name[:28] + f" {len(used)}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        sheet.append([neutralise(cell) for cell in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([neutralise(cell) for cell in row])
        for cell in (c for row in sheet.iter_rows() for c in row):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever openpyxl guessed
        sheet.column_dimensions["A"].width = 36
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(report):
    response = HttpResponse(xlsx_bytes(report), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(report, "xlsx")}"'
    return response
