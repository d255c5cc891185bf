"""The store gateway: the only object that talks to the database.

One write transaction per document, one writer at a time per process (SQLite also
serialises writers across processes with BEGIN IMMEDIATE); reads use pooled connections.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from claimgraph.document import Document
from claimgraph.errors import StoreError
from claimgraph.store import migrations, queries, search
from claimgraph.store.engine import WRITE, make_engine, parse_url
from claimgraph.store.kb_store import KnowledgeStore
from claimgraph.store.rows import DocumentRows, build_rows
from claimgraph.store.schema import DOCUMENT_TABLES, documents

RECORD_BATCH = 500
MAX_MESSAGE = 400
T = TypeVar("T")


class Store(KnowledgeStore):
    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(**{WRITE: True})
        self._write_lock = threading.Lock()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def migrate(self) -> list[int]:
        return self._guard("open and migrate the store", lambda: migrations.migrate(self.engine))

    def schema_version(self) -> int:
        return self._guard("read the schema version", lambda: migrations.schema_version(self.engine))

    def ingest(self, document: Document, record: dict, fingerprint: bytes | None = None) -> str:
        """Store one document with its record: "new", "unchanged" (same content stored
        already: nothing written) or "updated" (the document's rows replaced).
        Raises RecordError for a bad record, StoreError when the database fails;
        either way nothing of this document has been written."""
        rows = build_rows(document, record, fingerprint, datetime.now(timezone.utc))
        return self._guard(f"store document {document.doc_id!r}", lambda: self._write(rows))

    def stats(self) -> dict:
        return self._read(queries.stats)

    def document(self, doc_id: str) -> dict:
        return self._read(queries.document, doc_id)

    def record(self, doc_id: str) -> dict:
        return self._read(queries.record, doc_id)

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return self._read(queries.document_list, limit, offset)

    def search(self, q: str, limit: int = 50) -> dict:
        """Documents containing `q` (with a snippet) and actors named by it."""
        return self._read(search.search, q, limit)

    def document_links(self, doc_id: str) -> dict:
        """The knowledge-base actors, events, relations and claims of one document."""
        return self._read(search.document_links, doc_id)

    def latest_items(self, kind: str, limit: int = 10) -> list[dict]:
        """Knowledge-base items of `kind` ("event", "relation", "claim"), latest first."""
        return self._read(search.latest_items, kind, limit)

    def iter_records(self) -> Iterator[dict]:
        """Every record, by doc_id, read in short batches so no transaction stays open."""
        after = None
        while True:
            batch = self._read(queries.record_batch, after, RECORD_BATCH)
            yield from (row.record for row in batch)
            if len(batch) < RECORD_BATCH:
                return
            after = batch[-1].doc_id

    def close(self) -> None:
        self.engine.dispose()

    def _write(self, rows: DocumentRows) -> str:
        with self._write_lock, self._writer.begin() as conn:
            stored = conn.execute(select(documents.c.digest).where(documents.c.doc_id == rows.doc_id)).first()
            if stored is not None and stored.digest == rows.digest:
                return "unchanged"
            if stored is not None:
                _delete_document(conn, rows.doc_id)
            for table in DOCUMENT_TABLES:
                if rows.tables[table.name]:
                    conn.execute(insert(table), rows.tables[table.name])
        return "new" if stored is None else "updated"

    def _read(self, query: Callable[..., T], *args: Any) -> T:
        def run() -> T:
            with self.engine.connect() as conn:
                return query(conn, *args)
        return self._guard("read the store", run)

    def _guard(self, doing: str, action: Callable[[], T]) -> T:
        """Run `action`, turning database errors into StoreError (errors at the edge are ours)."""
        try:
            return action()
        except SQLAlchemyError as exc:
            cause = getattr(exc, "orig", None) or exc
            # The driver's DETAIL line can quote a whole row (a document's text): keep the gist.
            gist = str(cause).strip().split("\nDETAIL")[0][:MAX_MESSAGE]
            raise StoreError(f"cannot {doing}: {type(cause).__name__}: {gist}") from exc


def _delete_document(conn: Connection, doc_id: str) -> None:
    # Children first, so this works with or without ON DELETE CASCADE.
    for table in reversed(DOCUMENT_TABLES):
        conn.execute(delete(table).where(table.c.doc_id == doc_id))


def open_store(url: str) -> Store:
    """Open (and create or upgrade) the store at `url`: sqlite:///FILE, postgresql://…"""
    store = Store(make_engine(url))
    try:
        store.migrate()
    except StoreError as exc:
        store.close()
        safe = parse_url(url).render_as_string(hide_password=True)
        raise StoreError(f"{safe}: {exc}") from exc
    except BaseException:
        store.close()
        raise
    return store
