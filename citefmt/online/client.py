"""The one HTTP client of citefmt: httpx under hishel's cache, polite and rate-limited.

Layers, top to bottom (only the last one reaches the network, so a cached answer costs no
request, no rate-limit wait and no retry):

    httpx.Client  (User-Agent with the mailto address, timeouts, redirects)
    hishel CacheTransport  (RFC 9111, SQLite file in the user cache dir, see `cache.py`)
    NetworkTransport  (per-registry rate limit, retries with back-off on 429/5xx/timeouts
                       honouring Retry-After, the freshness policy, a request counter)
    httpx.HTTPTransport
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType

import httpx

from citefmt import __version__
from citefmt.online.cache import DATABASE, apply_freshness_policy, cache_dir, cache_key
from citefmt.online.options import RegistryOptions

#: statuses worth asking again: rate limited, or the server's trouble rather than the request's
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class RegistryDown(httpx.TransportError):
    """A registry skipped for the rest of the run after repeated failed lookups."""


class RegistryError(Exception):
    """A lookup that produced no usable answer (reported as CF720, never raised to the user)."""


@dataclass(frozen=True)
class Fetched:
    """One answer: status, body text, and whether the cache served it without a request."""

    url: str
    status: int
    text: str
    from_cache: bool


class RateLimiter:
    """At most `rate` request starts per second, shared by every thread (a ticket clock)."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            self._sleep(start - now)


def retry_after(response: httpx.Response, *, now: float | None = None) -> float | None:
    """Seconds the server asks to wait (`Retry-After`: seconds or an HTTP date), or None."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class NetworkTransport(httpx.BaseTransport):
    """The bottom layer: rate limits, retries, freshness policy; counts what reaches the wire."""

    def __init__(self, inner: httpx.BaseTransport, options: RegistryOptions, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.inner = inner
        self.options = options
        self.sleep = sleep
        #: registry name → base URL; a request belongs to the registry whose base it starts with
        self.bases = {"crossref": options.crossref_url.rstrip("/") + "/",
                      "ncbi": options.eutils_url.rstrip("/") + "/"}
        self.limiters = {"crossref": RateLimiter(options.crossref_rate, sleep=sleep),
                         "ncbi": RateLimiter(options.ncbi_limit, sleep=sleep)}
        self._default = RateLimiter(options.ncbi_limit, sleep=sleep)
        self._count_lock = threading.Lock()
        #: requests sent over the network (each retry counts)
        self.requests = 0
        #: lookups per registry that failed in a row, after their retries: a registry that is down
        #: is skipped after `give_up_after` of them instead of costing every reference its
        #: timeouts and retries
        self.failures: dict[str, int] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.options.cache_only:
            # RFC 9111 `only-if-cached`: a cache that cannot answer says 504
            return httpx.Response(504, text="not in the cache (cache-only mode)",
                                  request=request)
        registry = self._registry(request.url)
        with self._count_lock:
            failures = self.failures.get(registry, 0)
        if failures >= self.options.give_up_after:
            raise RegistryDown(f"{request.url.host} skipped: its last {failures} lookups failed")
        if self.options.ncbi_api_key and registry == "ncbi":
            request.url = request.url.copy_add_param("api_key", self.options.ncbi_api_key)
        try:
            response = self._send(request, self.limiters.get(registry, self._default))
        except httpx.TransportError:
            self._record(registry, failed=True)
            raise
        self._record(registry, failed=response.status_code in RETRY_STATUSES)
        return response

    def _registry(self, url: httpx.URL) -> str:
        text = str(url)
        return next((name for name, base in self.bases.items() if text.startswith(base)),
                    url.host)

    def _send(self, request: httpx.Request, limiter: RateLimiter) -> httpx.Response:
        """One lookup: attempts spaced by the rate limit, retried with back-off."""
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            limiter.wait()
            with self._count_lock:
                self.requests += 1
            try:
                response = self.inner.handle_request(request)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError):
                if attempt + 1 >= attempts:
                    raise
                self.sleep(self._backoff(attempt))
                continue
            if response.status_code in RETRY_STATUSES and attempt + 1 < attempts:
                delay = retry_after(response)
                if delay is not None and delay > self.options.max_retry_after:
                    return response
                response.close()
                self.sleep(delay if delay is not None else self._backoff(attempt))
                continue
            apply_freshness_policy(response, self.options)
            return response
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _record(self, registry: str, *, failed: bool) -> None:
        """Count lookups that failed in a row per registry (a success starts again from 0)."""
        with self._count_lock:
            self.failures[registry] = self.failures.get(registry, 0) + 1 if failed else 0

    def _backoff(self, attempt: int) -> float:
        """Exponential back-off with jitter (so parallel workers do not retry in step)."""
        base = self.options.backoff * (2 ** attempt)
        return base * (0.5 + random.random() / 2)

    def close(self) -> None:
        self.inner.close()


def user_agent(options: RegistryOptions) -> str:
    """Crossref's polite pool wants a tool name, a link and a contact address in User-Agent."""
    contact = f"; mailto:{options.mailto}" if options.mailto else ""
    return f"citefmt/{__version__} (https://github.com/citefmt/citefmt{contact})"


class RegistryClient:
    """GET with caching, politeness and retries; `fetch` never raises anything but RegistryError.

    Thread-safe: the check runs a bounded number of lookups at once on one client."""

    def __init__(self, options: RegistryOptions, *,
                 transport: httpx.BaseTransport | None = None) -> None:
        import hishel
        from hishel.httpx import CacheTransport

        self.options = options
        self.network = NetworkTransport(transport or httpx.HTTPTransport(), options)
        directory = cache_dir(options)
        directory.mkdir(parents=True, exist_ok=True)
        self.storage = hishel.SqliteStorage(database_path=directory / DATABASE)
        rfc = hishel.CacheOptions(shared=False, allow_stale=options.cache_only)
        cached = CacheTransport(next_transport=self.network, storage=self.storage, rfc=rfc)
        timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
        self.http = httpx.Client(transport=cached, timeout=timeout, follow_redirects=True,
                                 headers={"User-Agent": user_agent(options)})

    @property
    def requests(self) -> int:
        """Requests that reached the network so far (cache hits are not counted)."""
        return self.network.requests

    def fetch(self, url: str, params: Mapping[str, str] | None = None) -> Fetched:
        """GET `url`; a 200 or 404 is an answer, anything else after the retries an error."""
        request = self.http.build_request("GET", url, params=params)
        request.extensions["caching"] = {"key": cache_key(request.url)}
        try:
            response = self.http.send(request)
            text = response.text
        except RegistryDown as exc:
            raise RegistryError(str(exc)) from None
        except httpx.TimeoutException:
            raise RegistryError(f"no answer within {self.options.read_timeout:g} s "
                                f"from {request.url.host}") from None
        except httpx.HTTPError as exc:
            raise RegistryError(f"{request.url.host}: {type(exc).__name__}: {exc}") from None
        status = response.status_code
        if status not in (200, 404):
            hint = "not in the cache" if self.options.cache_only and status == 504 else \
                "rate limited" if status == 429 else "server error" if status >= 500 else "refused"
            raise RegistryError(f"{request.url.host} answered HTTP {status} ({hint})")
        caching = response.extensions.get("caching") or {}
        from_cache = bool(caching.get("from_cache", False))
        return Fetched(str(response.url), status, text, from_cache)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> RegistryClient:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
