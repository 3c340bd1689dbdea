"""Fixtures for the online tests: one local registry server per module, a fresh cache per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from registry_server import RegistryServer

from citefmt.online.options import RegistryOptions


@pytest.fixture(scope="module")
def registry() -> Iterator[RegistryServer]:
    server = RegistryServer(slow_seconds=1.5).start()
    yield server
    server.stop()


@pytest.fixture
def server(registry: RegistryServer) -> RegistryServer:
    registry.reset()
    return registry


@pytest.fixture
def options(server: RegistryServer, tmp_path: Path) -> RegistryOptions:
    """Options pointing at the local server, with a cache of this test's own."""
    return RegistryOptions(crossref_url=server.crossref_url, eutils_url=server.eutils_url,
                           cache_dir=str(tmp_path / "cache"), backoff=0.05, read_timeout=5.0,
                           crossref_rate=1000.0, ncbi_rate=1000.0, mailto="editor@example.org")
