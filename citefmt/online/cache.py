"""The persistent HTTP cache: where it lives, and the freshness given to header-less answers.

The cache is hishel's RFC 9111 cache (SQLite file `http-cache.sqlite`) as a private cache: it
honours `Cache-Control`, `Expires`, `ETag`/`Last-Modified` revalidation and `Vary` exactly as
the registry sends them. Crossref and E-utilities send no caching headers at all (see the
recorded headers in the online fixtures), so without a policy nothing would be reused. The
policy: an answer with neither `Cache-Control` nor `Expires` gets `max-age` = the configured
minimum freshness (`min-fresh-days`, 30 by default; a 404 `not-found-fresh-days`, 1 by default),
stamped on it before it is stored. An answer that does say how long it may be kept is left as it
is, so a registry that starts sending `no-store` or `max-age=0` is obeyed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from citefmt.online.options import DAY, RegistryOptions

DATABASE = "http-cache.sqlite"
#: query parameters that identify the caller, not the record: kept out of the cache key, so a
#: new address or API key does not empty the cache (and the key is not part of the lookup)
_CALLER_PARAMS = frozenset({"api_key", "email", "tool", "mailto"})


def cache_dir(options: RegistryOptions) -> Path:
    """The configured directory, else the platform's user cache dir (~/.cache/citefmt …)."""
    if options.cache_dir:
        return Path(options.cache_dir).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("citefmt", appauthor=False))


def cache_key(url: httpx.URL | str) -> str:
    """The storage key of a GET: its URL without the caller-identifying parameters."""
    parts = urlsplit(str(url))
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if k not in _CALLER_PARAMS))
    identity = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    return hashlib.sha256(f"RFC {identity}".encode()).hexdigest()


def apply_freshness_policy(response: httpx.Response, options: RegistryOptions) -> None:
    """Give a header-less 200 or 404 the configured freshness (in place); leave others alone."""
    headers = response.headers
    if "cache-control" in headers or "expires" in headers:
        return
    if response.status_code == 200:
        seconds = options.min_fresh_days * DAY
    elif response.status_code == 404:
        seconds = options.not_found_fresh_days * DAY
    else:
        return
    headers["Cache-Control"] = f"max-age={int(seconds)}"
    # Crossref answers `Vary: Accept`; the request's Accept never changes, so it is harmless,
    # but an accidental `Vary: *` would make every answer unusable: drop only that
    if headers.get("vary", "").strip() == "*":
        del headers["vary"]
