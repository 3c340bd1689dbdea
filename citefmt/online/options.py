"""Settings of the online lookups: where they go, how fast, how long answers are kept.

Sources, later wins: defaults → the config's `[registry]` table (`[tool.citefmt.registry]` in
pyproject.toml) → environment variables (`CITEFMT_…`, `NCBI_API_KEY`), so that a test or a CI
job can point citefmt at another server or cache without editing a config file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from citefmt.config import Settings
from citefmt.errors import InputError

CROSSREF_URL = "https://api.crossref.org"
EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
DAY = 86400.0


@dataclass(frozen=True)
class RegistryOptions:
    """Everything the registry client needs; immutable and passed explicitly."""

    crossref_url: str = CROSSREF_URL
    eutils_url: str = EUTILS_URL
    #: an address for Crossref's polite pool and NCBI's `email` parameter (None: anonymous)
    mailto: str | None = None
    #: NCBI API key: 10 requests/s instead of 3
    ncbi_api_key: str | None = None
    #: where the HTTP cache lives (None: platformdirs' user cache dir + "/citefmt")
    cache_dir: str | None = None
    #: freshness given to registry answers that carry no caching headers (Crossref and
    #: E-utilities send none): a found record is reused this long without asking again …
    min_fresh_days: float = 30.0
    #: … and a "not found" this long (a DOI registered tomorrow should not stay unknown a month)
    not_found_fresh_days: float = 1.0
    #: answer only from the cache, never the network (a missing answer is a CF720 finding)
    cache_only: bool = False
    #: seconds to wait for a connection / a response
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    #: attempts after the first on 429, 5xx, timeouts and dropped connections
    retries: int = 3
    #: the first back-off in seconds (doubled each retry, plus jitter)
    backoff: float = 1.0
    #: a Retry-After longer than this ends the retries (the lookup is reported as failed)
    max_retry_after: float = 120.0
    #: a registry whose lookups failed this many times in a row (after their retries) is
    #: skipped for the rest of the run: a service that is down costs minutes, not hours
    give_up_after: int = 3
    #: requests in flight at once (Crossref's polite pool allows more; NCBI is rate-limited)
    concurrency: int = 4
    #: requests per second to each registry (NCBI: 3, or 10 with an API key)
    crossref_rate: float = 10.0
    #: requests per second to NCBI; 0 means NCBI's documented limit (3, or 10 with an API key)
    ncbi_rate: float = 0.0
    #: Crossref's relevance score a bibliographic-query candidate must reach to be considered
    min_query_score: float = 40.0
    #: title similarity (0–100, rapidfuzz ratio of normalised titles) counted as the same title
    title_threshold: float = 90.0

    @property
    def ncbi_limit(self) -> float:
        """NCBI's documented limit: 3 requests/s without a key, 10 with one (unless set lower
        or, for a local test server, higher)."""
        if self.ncbi_rate > 0:
            return self.ncbi_rate
        return 10.0 if self.ncbi_api_key else 3.0


#: environment variables and the option each sets (strings converted by the option's type)
ENVIRONMENT: dict[str, str] = {
    "CITEFMT_CROSSREF_URL": "crossref_url",
    "CITEFMT_EUTILS_URL": "eutils_url",
    "CITEFMT_MAILTO": "mailto",
    "NCBI_API_KEY": "ncbi_api_key",
    "CITEFMT_CACHE_DIR": "cache_dir",
    "CITEFMT_CACHE_ONLY": "cache_only",
}


def registry_options(settings: Settings, environ: Mapping[str, str] | None = None
                     ) -> RegistryOptions:
    """The options for a check run: the config's `registry` table, then the environment."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(RegistryOptions)}
    where = str(settings.source) if settings.source else None
    for key, value in settings.registry:
        name = key.replace("-", "_")
        if name not in known:
            raise InputError(f"unknown key {key!r} in the registry settings (known: "
                             f"{', '.join(sorted(k.replace('_', '-') for k in known))})",
                             path=where)
        values[name] = _typed(name, value, known[name].type, where)
    # a relative cache-dir in a config file is relative to that file
    if values.get("cache_dir") and settings.source and \
            not Path(values["cache_dir"]).expanduser().is_absolute():
        values["cache_dir"] = str(settings.source.parent / values["cache_dir"])
    for variable, name in ENVIRONMENT.items():
        if env.get(variable):
            values[name] = _typed(name, env[variable], known[name].type, where)
    options = RegistryOptions(**values)
    return options


def _typed(name: str, value: Any, annotation: Any, where: str | None) -> Any:
    """`value` converted to the option's type; a wrong type is an error naming the setting."""
    kind = str(annotation)
    try:
        if kind == "bool":
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")
            if isinstance(value, bool):
                return value
        elif kind == "int":
            return int(value)
        elif kind == "float":
            return float(value)
        else:
            return str(value)
    except (TypeError, ValueError):
        pass
    wanted = {"bool": "true or false", "int": "an integer", "float": "a number"}.get(
        kind, "a string")
    raise InputError(f"registry setting {name.replace('_', '-')!r} must be {wanted}",
                     path=where)
