"""Read queries for the web app: full-text search over documents and actor names, and
the links from one document's extracted items to the knowledge base."""

from __future__ import annotations

from sqlalchemy import Connection, String, Text, cast, func, or_, select

from claimgraph.store.queries import SUMMARY_COLUMNS, _summary
from claimgraph.store.schema import documents, entities, kb_actor_members, kb_actor_names, kb_actors, kb_items

SNIPPET = 80


def _like(text: str) -> str:
    """A LIKE pattern that matches `text` literally (\\ escapes % and _)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(conn: Connection, q: str, limit: int) -> dict:
    """Documents whose title or text contains `q` (case-insensitive), with a snippet,
    and actors with a name or alias containing it."""
    pattern = _like(q.casefold())
    matched = or_(func.lower(documents.c.title).like(pattern, escape="\\"),
                  func.lower(documents.c.text).like(pattern, escape="\\"))
    rows = conn.execute(select(*SUMMARY_COLUMNS, documents.c.text).where(matched)
                        .order_by(documents.c.published.desc().nulls_last(), documents.c.doc_id).limit(limit))
    found = [{**_summary(row), "snippet": _snippet(row.text, q)} for row in rows]
    named = select(kb_actor_names.c.actor_id).where(kb_actor_names.c.name_key.like(pattern, escape="\\"))
    actor_rows = conn.execute(
        select(kb_actors.c.actor_id, kb_actors.c.name, kb_actors.c.kind, kb_actors.c.subkind, kb_actors.c.documents)
        .where(or_(func.lower(kb_actors.c.name).like(pattern, escape="\\"), kb_actors.c.actor_id.in_(named)))
        .order_by(kb_actors.c.documents.desc(), kb_actors.c.actor_id).limit(limit))
    return {"q": q, "documents": found, "actors": [dict(row._mapping) for row in actor_rows]}


def _snippet(text: str, q: str) -> dict:
    """The text around the first match, split so the page can mark the match without HTML."""
    at = text.casefold().find(q.casefold())
    if at < 0:
        return {"before": text[: 2 * SNIPPET], "match": "", "after": ""}
    start, end = max(0, at - SNIPPET), at + len(q)
    return {"before": ("…" if start else "") + text[start:at], "match": text[at:end],
            "after": text[end:end + SNIPPET] + ("…" if end + SNIPPET < len(text) else "")}


def document_links(conn: Connection, doc_id: str) -> dict:
    """For one document: its entity ids -> knowledge-base actor ids, and the knowledge-base
    events, relations and claims that one of its reports or claims comes from."""
    members = (select(entities.c.entity_id, kb_actor_members.c.actor_id)
               .join(kb_actor_members, kb_actor_members.c.member_id == entities.c.actor_id)
               .where(entities.c.doc_id == doc_id))
    actors = {row.entity_id: row.actor_id for row in conn.execute(members)}
    # The JSON column is searched as text for the doc id, then each hit is checked exactly.
    needle = _like(f'"{doc_id}"')
    hits = conn.execute(select(kb_items.c.data).where(cast(cast(kb_items.c.data, Text), String)
                                                       .like(needle, escape="\\")))
    items: dict[str, list[dict]] = {"event": [], "relation": [], "claim": []}
    for (data,) in hits:
        if data.get("kind") in items and _from_document(data, doc_id):
            items[data["kind"]].append(data)
    return {"actors": actors, **{f"{kind}s": found for kind, found in items.items()}}


def _from_document(item: dict, doc_id: str) -> bool:
    if item.get("doc_id") == doc_id:
        return True
    return any(report.get("doc_id") == doc_id for report in item.get("reports", []))


def latest_items(conn: Connection, kind: str, limit: int) -> list[dict]:
    """The knowledge-base items of `kind` ("event" …) with the latest start dates; undated last."""
    query = (select(kb_items.c.data).where(kb_items.c.item_kind == kind)
             .order_by(kb_items.c.date_start.desc().nulls_last(), kb_items.c.item_id).limit(limit))
    return [row.data for row in conn.execute(query)]
