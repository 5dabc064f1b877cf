"""Security beyond the privacy API (``portal/privacy/``) and the headers (``middleware.py``).

- ``otp``: two-factor authentication for the admin; ``audit``: logins and permission
  changes in Wagtail's audit log
- ``ratelimit``: per-client limit of public forms; ``sanitize``: script-bearing URLs out of
  rich text, formulas out of spreadsheet exports
- ``references``: links an author may not make (pages, documents, images they may not see)

Login throttling stays in ``portal/auth.py``: sessions store the backend's dotted path, so
moving it would log every member out once.
"""
