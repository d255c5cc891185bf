"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.config import Settings
from claimgraph.document import Document

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_PATH = SHARED / "seeds" / "iran-iraqi-militias.txt"
DEV = SHARED / "eval" / "data" / "dev"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared (gold data and seed) is not beside this clone; CI always has it"
)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def extractor(settings):
    from claimgraph.extract.pipeline import Extractor

    return Extractor(settings)


@pytest.fixture(scope="session")
def seed_document() -> Document:
    """The seed article, from the demo corpus (the copy shipped in the repository)."""
    path = REPO / "src" / "claimgraph" / "demo" / "corpus.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["doc_id"] == "seed-iran-iraqi-militias":
            from datetime import date

            return Document(doc_id=record["doc_id"], text=record["text"], title=record["title"],
                            published=date.fromisoformat(record["published"]))
    raise AssertionError("the seed is missing from the demo corpus")
