"""SQL of the knowledge base: reading its inputs, replacing its derived tables, merges,
and the filtered reads behind claimgraph.kb.KnowledgeBase. Results are plain dicts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from claimgraph.errors import NotFound
from claimgraph.store.rows import DOCUMENT_ACTOR, DOCUMENT_SCOPED
from claimgraph.store.schema import (
    KB_DERIVED_TABLES, documents, kb_actor_members, kb_actor_names, kb_actors, kb_item_actors, kb_items, kb_merges, kb_stories,
)

BATCH = 1000
MERGE_COLUMNS = ("merge_id", "target", "members", "reason", "automatic", "undone", "undone_at")
ID_CHUNK = 500  # ids per IN (...) list


def kb_documents(conn: Connection) -> list[dict]:
    """What the knowledge base needs of every document, by doc_id."""
    query = select(
        documents.c.doc_id, documents.c.title, documents.c.published, documents.c.outlet, documents.c.url,
        documents.c.wire, documents.c.text, documents.c.fingerprint,
    ).order_by(documents.c.doc_id)
    return [dict(row._mapping) for row in conn.execute(query)]


def replace_derived(conn: Connection, tables: dict[str, list[dict]]) -> None:
    for table in KB_DERIVED_TABLES:
        conn.execute(delete(table))
    for table in KB_DERIVED_TABLES:
        rows = tables.get(table.name, [])
        for start in range(0, len(rows), BATCH):
            conn.execute(insert(table), rows[start:start + BATCH])


def merge_list(conn: Connection) -> list[dict]:
    rows = conn.execute(select(kb_merges).order_by(kb_merges.c.merge_id)).mappings()
    return [_merge(row) for row in rows]


def save_merges(conn: Connection, proposed: list[dict]) -> None:
    """Insert new automatic merges, refresh known ones, drop automatic ones no longer
    proposed; an undone merge is kept as it is, so the undo survives rebuilds."""
    known = {m["merge_id"]: m for m in merge_list(conn)}
    wanted = {m["merge_id"]: m for m in proposed}
    for merge_id, merge in known.items():
        if merge["automatic"] and not merge["undone"] and merge_id not in wanted:
            conn.execute(delete(kb_merges).where(kb_merges.c.merge_id == merge_id))
    for merge_id, merge in sorted(wanted.items()):
        values = {k: merge[k] for k in ("target", "members", "reason")}
        if merge_id not in known:
            conn.execute(insert(kb_merges).values(merge_id=merge_id, automatic=True, undone=False, **values))
        elif not known[merge_id]["undone"]:
            conn.execute(update(kb_merges).where(kb_merges.c.merge_id == merge_id).values(**values))


def set_undone(conn: Connection, merge_id: str, when: datetime) -> dict:
    found = conn.execute(select(kb_merges).where(kb_merges.c.merge_id == merge_id)).mappings().first()
    if found is None:
        raise NotFound(f"no merge {merge_id!r}: `claimgraph merges list` shows them")
    if not found["undone"]:
        conn.execute(update(kb_merges).where(kb_merges.c.merge_id == merge_id).values(undone=True, undone_at=when))
    return _merge(conn.execute(select(kb_merges).where(kb_merges.c.merge_id == merge_id)).mappings().one())


def _merge(row) -> dict:
    merge = {key: row[key] for key in MERGE_COLUMNS}
    merge["undone_at"] = merge["undone_at"].isoformat() if merge["undone_at"] else None
    return merge


def actor_list(conn: Connection, kind: str | None, q: str | None, limit: int, offset: int,
               everyone: bool = False) -> list[dict]:
    """Actors, most documented first; a document's own descriptions and collectives ("the
    regime", "civilians") only when asked for by subkind, or with `everyone`."""
    query = select(kb_actors).order_by(kb_actors.c.documents.desc(), kb_actors.c.mentions.desc(), kb_actors.c.actor_id)
    if kind:
        query = query.where(or_(kb_actors.c.kind == kind, kb_actors.c.subkind == kind))
    if not everyone and kind not in DOCUMENT_SCOPED:
        query = query.where(kb_actors.c.actor_id.not_like(f"{DOCUMENT_ACTOR}%"))
    if q:
        pattern = f"%{q.casefold()}%"
        named = select(kb_actor_names.c.actor_id).where(kb_actor_names.c.name_key.like(pattern))
        query = query.where(or_(func.lower(kb_actors.c.name).like(pattern), kb_actors.c.actor_id.in_(named)))
    rows = conn.execute(query.limit(max(limit, 0)).offset(max(offset, 0))).mappings()
    return [_actor(row) for row in rows]


def find_actor(conn: Connection, actor_id: str | None, name_key: str) -> dict | None:
    """By knowledge-base id, by per-document id (a merged member), or by any name's key."""
    if actor_id:
        row = conn.execute(select(kb_actors).where(kb_actors.c.actor_id == actor_id)).mappings().first()
        if row:
            return _actor(row)
    member = select(kb_actor_members.c.actor_id).where(kb_actor_members.c.member_id == actor_id)
    named = select(kb_actor_names.c.actor_id).where(kb_actor_names.c.name_key == name_key)
    row = conn.execute(select(kb_actors).where(or_(kb_actors.c.actor_id.in_(member), kb_actors.c.actor_id.in_(named)))
                       .order_by(kb_actors.c.documents.desc(), kb_actors.c.actor_id)).mappings().first()
    return _actor(row) if row else None


def _actor(row) -> dict:
    data = dict(row["data"])
    data.update({key: row[key] for key in ("actor_id", "name", "kind", "subkind", "country", "provisional",
                                            "documents", "mentions")})
    return data


def item_list(conn: Connection, kind: str, actor: str | None = None, role: str | None = None,
              type_: str | None = None, since: date | None = None, until: date | None = None,
              country: str | None = None, bbox: tuple | None = None, max_grade: int | None = None,
              limit: int | None = None, offset: int = 0) -> list[dict]:
    query = _item_query(select(kb_items.c.data), kind, actor, role, type_, since, until, country, bbox, max_grade)
    query = query.order_by(kb_items.c.date_start.nulls_last(), kb_items.c.item_id).offset(offset).limit(limit)
    return [row.data for row in conn.execute(query)]


def tie_list(conn: Connection, type_: str | None = None, max_grade: int | None = None) -> list[dict]:
    """Relation facts as the network needs them (ends, type, grade), read from their columns
    and JSON fields without loading each fact's claims."""
    c, data = kb_items.c, kb_items.c.data
    fields = {
        "id": c.item_id, "type": c.type, "grade": c.grade, "disputed": c.disputed,
        "negated": data["negated"].as_boolean(), "admiralty": data["admiralty"].as_string(),
        "independent_sources": data["independent_sources"].as_integer(),
        "source_id": data[("source", "actor_id")].as_string(), "source_name": data[("source", "name")].as_string(),
        "target_id": data[("target", "actor_id")].as_string(), "target_name": data[("target", "name")].as_string(),
    }
    query = _item_query(select(*(value.label(key) for key, value in fields.items())), "relation", type_=type_,
                        max_grade=max_grade).order_by(c.item_id)
    return [{**{k: row[k] for k in ("id", "type", "grade", "disputed", "negated", "admiralty", "independent_sources")},
             "source": {"actor_id": row["source_id"], "name": row["source_name"]},
             "target": {"actor_id": row["target_id"], "name": row["target_name"]}}
            for row in conn.execute(query).mappings()]


def actors_by_id(conn: Connection, actor_ids: list[str]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for start in range(0, len(actor_ids), ID_CHUNK):
        chunk = actor_ids[start:start + ID_CHUNK]
        for row in conn.execute(select(kb_actors).where(kb_actors.c.actor_id.in_(chunk))).mappings():
            found[row["actor_id"]] = _actor(row)
    return found


def item_count(conn: Connection, kind: str, **filters) -> int:
    query = _item_query(select(func.count()).select_from(kb_items), kind, **filters)
    return conn.execute(query).scalar_one()


def _item_query(query, kind: str, actor: str | None = None, role: str | None = None, type_: str | None = None,
                since: date | None = None, until: date | None = None, country: str | None = None,
                bbox: tuple | None = None, max_grade: int | None = None):
    c = kb_items.c
    query = query.where(c.item_kind == kind)
    if actor:
        linked = select(kb_item_actors.c.item_id).where(kb_item_actors.c.actor_id == actor)
        if role:
            linked = linked.where(kb_item_actors.c.role == role)
        query = query.where(c.item_id.in_(linked))
    if type_:
        query = query.where(or_(c.type == type_, c.subtype == type_))
    if since:
        query = query.where(c.date_end >= since)
    if until:
        query = query.where(c.date_start <= until)
    if country:
        query = query.where(c.country == country.upper())
    if bbox:
        west, south, east, north = bbox
        query = query.where(and_(c.lon >= west, c.lon <= east, c.lat >= south, c.lat <= north))
    if max_grade:
        query = query.where(c.grade <= max_grade)
    return query


def item(conn: Connection, item_id: str) -> dict:
    found = conn.execute(select(kb_items.c.data).where(kb_items.c.item_id == item_id)).scalar()
    if found is None:
        raise NotFound(f"no item {item_id!r} in the knowledge base")
    return found


def story_list(conn: Connection) -> list[dict]:
    rows = conn.execute(select(kb_stories, documents.c.title, documents.c.outlet, documents.c.published)
                        .join(documents, documents.c.doc_id == kb_stories.c.doc_id)
                        .order_by(kb_stories.c.story_id, kb_stories.c.doc_id)).mappings()
    stories: dict[str, dict] = {}
    for row in rows:
        story = stories.setdefault(row["story_id"], {"story_id": row["story_id"], "documents": []})
        story["documents"].append({
            "doc_id": row["doc_id"], "title": row["title"], "outlet": row["outlet"],
            "published": row["published"].isoformat() if row["published"] else None,
            "reason": row["reason"], "score": row["score"]})
    return list(stories.values())
