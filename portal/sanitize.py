"""Remove script-bearing URLs (javascript:, vbscript:, data:) from rendered rich text.

Wagtail's editor already drops such links, but rich text can also arrive by import or by
code. Rendering through :func:`strip_dangerous_urls` (template filter ``richtext_safe``)
makes sure none of it reaches a browser, however it was stored.
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
