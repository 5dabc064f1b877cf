"""Content versions that invalidate cached pages and fragments whenever content changes.

A version is a random token in the portal's own table (``portal.models.ContentVersion``).
The ``content`` token is replaced in the same transaction as every write to content: apps
opt in from their ``AppConfig.ready`` with ``register_content(app_label, exclude=...)``
(``signal_handlers.py`` listens to the registered apps' saves and deletes). An app may keep
further tokens of its own (``register_version(key)``; the directory's ``"directory"`` token,
bumped by its own signal handlers). Cache keys contain the tokens, so every process, whatever
its cache (Redis, or local memory per process), sees a change on its very next request: a
stale entry can never be read, it is only left to expire. A rolled-back write rolls the
token back too, and a random token is never reused.

Reading the tokens costs one small query per request: ``ContentVersionMiddleware`` keeps
them for the request, and a bump during the request updates that copy.
"""

import contextvars
import uuid

from django.core.cache import cache

FRAGMENT_TIMEOUT = 300
_keys = ["content"]
# app label -> model names of that app that are bookkeeping, not content.
_content_apps = {}
_request_versions = contextvars.ContextVar("portal_versions", default=None)


def register_version(key):
    """Keep a token ``key`` next to ``content`` (read in the same query, bumped on its own)."""
    if key not in _keys:
        _keys.append(key)


def register_content(app_label, exclude=()):
    """Make every write to ``app_label``'s models (except ``exclude``) bump ``content``."""
    _content_apps.setdefault(app_label, set()).update(name.lower() for name in exclude)


def is_content(model):
    """Whether a write to ``model`` changes what cached pages show."""
    meta = getattr(model, "_meta", None)
    if meta is None or getattr(model, "__module__", "") == "__fake__":
        return False  # a migration's historical model: the version table may not exist yet
    excluded = _content_apps.get(meta.app_label)
    return excluded is not None and meta.model_name not in excluded


def version_keys():
    return tuple(_keys)


def versions():
    """``{"content": token, <registered key>: token, ...}``, read once per request."""
    memo = _request_versions.get()
    if memo:
        return memo
    from .models import ContentVersion

    found = dict(ContentVersion.objects.filter(key__in=_keys).values_list("key", "token"))
    for key in _keys:
        if not found.get(key):
            found[key] = bump(key)
    if memo is not None:
        memo.update(found)
    return found


def state(key):
    """``(token, changed_at)`` of ``key`` in one query; creates the row when missing."""
    from .models import ContentVersion

    rows = ContentVersion.objects.filter(key=key).values_list("token", "changed_at")
    row = rows.first()
    if row is None or row[1] is None:
        bump(key)
        row = rows.get()
    return row


def content_version():
    return versions()["content"]


def bump(key="content"):
    from django.utils import timezone

    from .models import ContentVersion

    token = uuid.uuid4().hex
    values = {"token": token, "changed_at": timezone.now()}
    if not ContentVersion.objects.filter(key=key).update(**values):
        ContentVersion.objects.update_or_create(key=key, defaults=values)
    memo = _request_versions.get()
    if memo:
        memo[key] = token
    return token


def bump_content_version(**kwargs):
    bump("content")


class request_scope:
    """Keep the tokens for the duration of one request (see ``ContentVersionMiddleware``)."""

    def __enter__(self):
        self._token = _request_versions.set({})

    def __exit__(self, *exc):
        _request_versions.reset(self._token)


def cached_fragment(name, load):
    """``load()``'s result, cached under ``name`` for the current content version.

    For data that any content change may alter (restriction rows, menus, breadcrumbs, the
    pages a language switcher links to). Values must not depend on who is asking unless
    ``name`` says so (callers put a digest of the visitor's hidden subtrees into it).
    """
    key = f"portal:fragment:{content_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, FRAGMENT_TIMEOUT)
    return value


# Per process: small results that only a content change can alter, per content version.
_process_memo = {}  # name -> {(content version, key): value}
PROCESS_MEMO_SIZE = 1000


def process_memo(name, key, load, size=PROCESS_MEMO_SIZE):
    """``load()``'s result, kept in this process for the current content version.

    For answers that cost more to unpickle from the cache than to look up (the visitor's
    hidden subtrees, the directory's visible ids, a page's route and URL: issue #21). ``key``
    must name everything besides content that the answer depends on. Each entry names its
    version, so a stale answer is never read and threads race safely. Each ``name`` holds at
    most ``size`` entries and is emptied when full, so a crawler walking every page empties
    the URL memo, not the others. Values are shared by every caller: immutable ones only
    (tuples, frozensets, bytes to unpickle).
    """
    memo = _process_memo.setdefault(name, {})
    full = (content_version(), key)
    value = memo.get(full)
    if value is None:
        value = load()
        if len(memo) >= size:
            memo.clear()
        memo[full] = value
    return value


class PageFragments:
    """Rendered parts of one page, cached for anonymous visitors per content version.

    For pages whose rendering costs more than their page frame (the service page's facts,
    opening hours and JSON-LD; a handbook chapter's contents, body and reading time). The key
    holds every version token, the page, the language, the host and ``day``
    (pass the local date when a part marks "today": the fragment then changes at midnight;
    anything that depends on the time of day must stay outside a fragment).

    Only an anonymous visitor's rendering is stored or reused, never a preview: what a member
    or an editor sees is rendered afresh and never stored. ``complete`` says that every part
    was found, so ``get_context`` can skip the queries that only the parts need; templates
    wrap each part in ``{% fragment "name" %}…{% endfragment %}`` (``portal_tags``).

    The page frame around them (``FRAME``: the ``hreflang`` links in ``<head>``, the header
    with language switcher and main menu, the breadcrumbs; ``base.html``) is cached with them
    when the request has no query string: for an anonymous visitor it depends only on the
    page, language, host and content (the switcher keeps a query string, the search box
    shows one).
    """

    FRAME = ("frame:links", "frame:header")

    def __init__(self, request, page, names, day=None):
        from django.utils import translation

        self.names = tuple(names)
        self.stored_names = self.names
        self.key = None
        self.found = {}
        user = getattr(request, "user", None)
        if (
            request is None
            or getattr(request, "is_preview", False)
            or request.method != "GET"
            or (user is not None and user.is_authenticated)
        ):
            return
        if not request.GET:
            self.stored_names += self.FRAME
        tokens = versions()
        self.key = (
            f"portal:fragment:{':'.join(tokens[key] for key in _keys)}:page:{page.pk}:"
            f"{translation.get_language()}:{request.get_host()}:{day or ''}"
        )
        stored = cache.get_many([self._key(name) for name in self.stored_names])
        self.found = {
            name: stored[self._key(name)] for name in self.stored_names if self._key(name) in stored
        }

    def _key(self, name):
        return f"{self.key}:{name}"

    @property
    def complete(self):
        """Every part of the page's own was found (the frame does not count)."""
        return self.key is not None and all(name in self.found for name in self.names)

    def get(self, name):
        return self.found.get(name)

    def store(self, name, html):
        if self.key is not None and name in self.stored_names:
            cache.set(self._key(name), str(html), FRAGMENT_TIMEOUT)
