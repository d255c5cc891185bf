"""Read queries over one connection. Results are plain JSON-ready dicts."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, Row, Table, and_, desc, distinct, func, select

from claimgraph.errors import NotFound
from claimgraph.store.schema import claims, documents, entities, events, mentions, records, relations

ACTOR_KINDS = ("person", "organization")
COUNTED: dict[str, Table] = {
    "documents": documents, "entities": entities, "events": events,
    "relations": relations, "claims": claims,
}
SUMMARY_COLUMNS = (
    documents.c.doc_id, documents.c.title, documents.c.published, documents.c.url,
    documents.c.outlet, documents.c.origin, documents.c.wire, documents.c.text_sha1,
    documents.c.ingested_at,
)


def count(conn: Connection, table: Table, *where) -> int:
    return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def stats(conn: Connection, top: int = 5) -> dict:
    figures: dict = {name: count(conn, table) for name, table in COUNTED.items()}
    figures["actors"] = conn.execute(
        select(func.count(distinct(entities.c.actor_id))).where(entities.c.kind.in_(ACTOR_KINDS))
    ).scalar_one()
    figures["top_actors"] = top_actors(conn, top)
    return figures


def top_actors(conn: Connection, limit: int) -> list[dict]:
    """The most-mentioned persons and organizations, across documents, by actor id."""
    joined = entities.join(mentions, and_(
        mentions.c.doc_id == entities.c.doc_id, mentions.c.entity_id == entities.c.entity_id))
    query = (
        select(
            entities.c.actor_id,
            func.count().label("mentions"),
            func.count(distinct(entities.c.doc_id)).label("documents"),
        )
        .select_from(joined)
        .where(entities.c.kind.in_(ACTOR_KINDS))
        .group_by(entities.c.actor_id)
        .order_by(desc("mentions"), desc("documents"), entities.c.actor_id)
        .limit(limit)
    )
    ranked = conn.execute(query).all()
    labels = _actor_labels(conn, [row.actor_id for row in ranked])
    return [
        {"actor_id": row.actor_id, **labels[row.actor_id], "mentions": row.mentions, "documents": row.documents}
        for row in ranked
    ]


def _actor_labels(conn: Connection, actor_ids: list[str]) -> dict[str, dict]:
    """Name and kind of each actor: the form most documents use (then the first
    alphabetically), so the answer does not depend on the order of ingestion."""
    query = (
        select(entities.c.actor_id, entities.c.name, entities.c.kind, func.count().label("n"))
        .where(entities.c.actor_id.in_(actor_ids))
        .group_by(entities.c.actor_id, entities.c.name, entities.c.kind)
    )
    best: dict[str, tuple] = {}
    for row in conn.execute(query):
        key = (-row.n, row.name, row.kind)
        if row.actor_id not in best or key < best[row.actor_id]:
            best[row.actor_id] = key
    return {actor: {"name": key[1], "kind": key[2]} for actor, key in best.items()}


def document(conn: Connection, doc_id: str) -> dict:
    row = conn.execute(select(*SUMMARY_COLUMNS, documents.c.text).where(documents.c.doc_id == doc_id)).first()
    if row is None:
        raise NotFound(f"no document {doc_id!r} in the store")
    result = _summary(row)
    result["text"] = row.text
    result["counts"] = {
        name: count(conn, table, table.c.doc_id == doc_id)
        for name, table in COUNTED.items() if table is not documents
    }
    return result


def record(conn: Connection, doc_id: str) -> dict:
    found = conn.execute(select(records.c.record).where(records.c.doc_id == doc_id)).scalar()
    if found is None:
        raise NotFound(f"no record for document {doc_id!r} in the store")
    return found


def document_list(conn: Connection, limit: int, offset: int) -> list[dict]:
    """Newest first; undated documents last; ties by doc_id so pages are stable."""
    query = (
        select(*SUMMARY_COLUMNS)
        .order_by(documents.c.published.desc().nulls_last(), documents.c.doc_id)
        .limit(max(limit, 0)).offset(max(offset, 0))
    )
    return [_summary(row) for row in conn.execute(query)]


def record_batch(conn: Connection, after: str | None, size: int) -> list[Row]:
    """Keyset page of (doc_id, record) ordered by doc_id, starting after `after`."""
    query = select(records.c.doc_id, records.c.record).order_by(records.c.doc_id).limit(size)
    if after is not None:
        query = query.where(records.c.doc_id > after)
    return list(conn.execute(query).all())


def _summary(row: Row) -> dict:
    return {
        "doc_id": row.doc_id, "title": row.title,
        "published": row.published.isoformat() if row.published else None,
        "url": row.url, "outlet": row.outlet, "origin": row.origin, "wire": row.wire,
        "text_sha1": row.text_sha1,
        "ingested_at": _utc(row.ingested_at).isoformat() if row.ingested_at else None,
    }


def _utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
