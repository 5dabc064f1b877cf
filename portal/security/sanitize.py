"""Remove script-bearing URLs (javascript:, vbscript:, data:) from rendered rich text.

Wagtail's editor already drops such links, but rich text can also arrive by import or by
code. Rendering through :func:`strip_dangerous_urls` (template filter ``richtext_safe``)
makes sure none of it reaches a browser, however it was stored. :func:`csv_safe` does the
same for spreadsheet exports (every CSV/XLSX export of the portal goes through it).
"""

import html
import re

_URL_ATTRIBUTE = re.compile(
    r"""\s(?:href|src|action|formaction|xlink:href|poster|background)\s*=\s*
        (?P<value>"[^"]*"|'[^']*'|[^\s>]+)""",
    re.IGNORECASE | re.VERBOSE,
)
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def is_dangerous_url(value):
    url = html.unescape(html.unescape(value.strip("\"'")))
    return _INVISIBLE.sub("", url).lower().startswith(_BAD_SCHEMES)


def strip_dangerous_urls(markup):
    return _URL_ATTRIBUTE.sub(
        lambda match: "" if is_dangerous_url(match.group("value")) else match.group(0), markup
    )


# A cell starting with one of these is run as a formula by Excel and LibreOffice
# (CSV/formula injection, OWASP): such a value is written with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_safe(value):
    """A cell value a spreadsheet will not run: text starting like a formula gets a ``'``.

    Numbers (also negative ones, and numbers written as text) stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value
