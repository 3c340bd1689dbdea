"""Registry settings: config table, environment, errors naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.config import load_settings
from citefmt.errors import InputError
from citefmt.online.cache import cache_dir
from citefmt.online.options import CROSSREF_URL, RegistryOptions, registry_options


def test_defaults_are_the_real_services_and_off(tmp_path: Path) -> None:
    (tmp_path / ".citefmt.toml").write_text('style = "vancouver"\n', encoding="utf-8")
    settings = load_settings(tmp_path / ".citefmt.toml")
    assert settings.online is False
    options = registry_options(settings, environ={})
    assert options.crossref_url == CROSSREF_URL and options.mailto is None
    assert "citefmt" in str(cache_dir(options))  # platformdirs' user cache dir


def test_config_table_then_environment(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.citefmt]\nonline = true\n[tool.citefmt.registry]\nmailto = "a@b.org"\n'
        'cache-dir = "cache"\nmin-fresh-days = 7\n', encoding="utf-8")
    settings = load_settings(tmp_path / "pyproject.toml")
    assert settings.online is True
    options = registry_options(settings, environ={"NCBI_API_KEY": "k",
                                                  "CITEFMT_CACHE_ONLY": "1"})
    assert options.mailto == "a@b.org" and options.min_fresh_days == 7.0
    assert options.cache_dir == str(tmp_path / "cache")
    assert options.ncbi_api_key == "k" and options.cache_only is True
    assert options.ncbi_limit == 10.0
    moved = registry_options(settings, environ={"CITEFMT_CACHE_DIR": "/tmp/elsewhere"})
    assert moved.cache_dir == "/tmp/elsewhere"


def test_unknown_key_and_wrong_type_name_the_file(tmp_path: Path) -> None:
    config = tmp_path / ".citefmt.toml"
    config.write_text("[registry]\nmail-to = 'x'\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown key 'mail-to'") as caught:
        registry_options(load_settings(config), environ={})
    assert caught.value.path == str(config)
    config.write_text("[registry]\nretries = 'many'\n", encoding="utf-8")
    with pytest.raises(InputError, match="'retries' must be an integer"):
        registry_options(load_settings(config), environ={})
    config.write_text("online = 'yes'\n", encoding="utf-8")
    with pytest.raises(InputError, match="'online' must be true or false"):
        load_settings(config)


def test_options_are_hashable_for_one_client_per_settings() -> None:
    assert len({RegistryOptions(), RegistryOptions()}) == 1
