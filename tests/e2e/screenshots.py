"""`make screenshots`: every public page type at phone and desktop width into docs/screenshots/.

Not part of `make e2e` (the file name doesn't match ``test_*.py``); run it by path.
Every page type in German and in Arabic (right to left), the whole page; on the phone the
menu and the language list are closed, as a visitor first sees them.
"""

import pytest
from PIL import Image

from .site import PAGE_TYPES, REPO, WIDTHS, open_page_type

pytestmark = pytest.mark.e2e

OUT = REPO / "docs" / "screenshots"
EASY = {"home", "directory"}  # Leichte Sprache: bigger type and line spacing (docs/i18n.md)
SHOTS = [(page_type, lang) for page_type in PAGE_TYPES for lang in ("de", "ar")] + [
    (page_type, "de-ls") for page_type in PAGE_TYPES if page_type.name in EASY
]


@pytest.mark.parametrize("width_name", WIDTHS)
@pytest.mark.parametrize(("page_type", "lang"), SHOTS, ids=lambda v: getattr(v, "name", v))
def test_screenshot(open_context, page_type, lang, width_name):
    page, _response = open_page_type(
        open_context, page_type, lang, width=WIDTHS[width_name], reduced_motion="reduce"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{page_type.name}-{lang}-{width_name}.png"
    page.screenshot(path=path, full_page=True)
    shrink(path)


def shrink(path):
    """128-colour palette: about a third of the bytes, no visible change for flat pages."""
    image = Image.open(path).convert("RGB")
    palette = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette.save(path, optimize=True)
