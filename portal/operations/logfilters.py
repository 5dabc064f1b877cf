"""Logging filters (settings.LOGGING)."""

import logging


class OncePerMessage(logging.Filter):
    """Let each distinct message template through once per process.

    WeasyPrint warns once per font and PDF when the system lacks HarfBuzz-Subset (it then
    subsets with fontTools: slower, same output). ``make install`` installs the library where
    the system has it; elsewhere one line says so instead of fifty during ``load_demo``.
    """

    def __init__(self, name=""):
        super().__init__(name)
        self.seen = set()

    def filter(self, record):
        key = (record.name, record.msg)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True
