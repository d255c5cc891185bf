"""KB fixtures: fresh stores (SQLite, and PostgreSQL when CLAIMGRAPH_TEST_PG_URL is set),
and ingestion of documents through the real extractor, each text extracted once."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from claimgraph.clean import detect_wire, fingerprint, fingerprint_bytes
from claimgraph.document import Document
from claimgraph.kb import KnowledgeBase
from claimgraph.store.schema import KB_TABLES
from tests.store.conftest import fresh_url, store, store_factory  # noqa: F401  (fixtures)

_RECORDS: dict[tuple[str, str], dict] = {}


def put(store, document: Document, record: dict) -> str:
    document.wire = document.wire or detect_wire(document.text)
    return store.ingest(document, record, fingerprint=fingerprint_bytes(fingerprint(document.text)))


@pytest.fixture(scope="session")
def extract(extractor) -> Callable[[Document], dict]:
    def run(document: Document) -> dict:
        key = (document.doc_id, document.text_hash)
        if key not in _RECORDS:
            _RECORDS[key] = extractor.extract(document)
        return json.loads(json.dumps(_RECORDS[key]))
    return run


@pytest.fixture
def load(extract) -> Callable:
    """load(store, documents) ingests through the extractor and rebuilds; returns the KB."""
    def run(store, documents: list[Document]) -> KnowledgeBase:
        for document in documents:
            put(store, document, extract(document))
        kb = KnowledgeBase(store)
        kb.rebuild()
        return kb
    return run


def kb_snapshot(store) -> dict[str, list[str]]:
    """Every row of every knowledge-base table as sorted canonical JSON (undo times left out)."""
    tables = {}
    with store.engine.connect() as conn:
        for table in KB_TABLES:
            rows = conn.execute(select(table)).mappings()
            tables[table.name] = sorted(
                json.dumps({k: v for k, v in row.items() if k != "undone_at"}, sort_keys=True, default=str)
                for row in rows)
    return tables
