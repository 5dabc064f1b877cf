"""Translation: the interface catalogues, machine translation, translation status.

- ``catalogues``: compile and check ``locale/*/LC_MESSAGES/django.po``
  (``python -m portal.i18n compile``, run by ``make messages``)
- ``machine``: DeepL for wagtail-localize's translation editor
- ``status``: translation status of pages and the "machine-translated" label;
  ``admin_views``: the status report and "Mark as reviewed"
"""
