"""``python -m portal.i18n compile|check`` (portal/i18n/catalogues.py)."""

import sys

from .catalogues import main

sys.exit(main(sys.argv))
