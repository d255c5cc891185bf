"""Reading the shipped and user YAML tables, with one error message shape."""

from __future__ import annotations

from pathlib import Path

import yaml

from claimgraph.errors import ConfigError


def read_yaml(path: Path, expected: type, what: str, empty=None):
    """The parsed file, which must be a `expected` (list or dict) of `what`; ConfigError
    naming the file otherwise. An empty file gives `empty` where that is allowed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    if data is None and empty is not None:
        return empty
    if not isinstance(data, expected):
        raise ConfigError(f"{path}: expected a {expected.__name__} of {what}")
    return data
