"""The tables of the store, as SQLAlchemy Core objects (the shape after the latest migration).

Every row of a document's tables carries `doc_id`, so replacing a document is one
DELETE per table. Entity, event and claim ids are the record's doc-local ids; the
store-wide key of an actor is `entities.actor_id` (see rows.actor_id). Cross-document
merges will live in their own table (a later migration), never by rewriting these rows,
so every merge can be undone and recomputed from the records.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON, Boolean, Column, Date, DateTime, Float, ForeignKeyConstraint, Index, Integer, LargeBinary,
    MetaData, String, Table, Text,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("doc_id", String, primary_key=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("url", Text),
    Column("outlet", String),
    Column("origin", Text),
    Column("wire", String),
    Column("text_sha1", String, nullable=False),
    Column("fingerprint", LargeBinary),  # MinHash signature from clean.py, for near-duplicates
    Column("digest", String, nullable=False),  # sha1 of document + record + fingerprint: "unchanged" test
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_published", "published"),
    Index("ix_documents_text_sha1", "text_sha1"),
)


def _doc_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE")


records = Table(
    "records", metadata,
    Column("doc_id", String, primary_key=True),
    Column("record_schema", String, nullable=False),  # "extraction/1"
    Column("extractor_version", String, nullable=False),
    Column("record", JSON, nullable=False),
    _doc_fk(),
)

entities = Table(
    "entities", metadata,
    Column("doc_id", String, primary_key=True),
    Column("entity_id", String, primary_key=True),
    Column("actor_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("subkind", String),
    Column("name", Text, nullable=False),
    Column("registry_id", String),
    Column("provisional", Boolean, nullable=False),
    Column("geo", JSON),
    _doc_fk(),
    Index("ix_entities_actor_id", "actor_id"),
    Index("ix_entities_kind_actor", "kind", "actor_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("doc_id", String, primary_key=True),
    Column("entity_id", String, primary_key=True),
    Column("start", Integer, primary_key=True, autoincrement=False),
    Column("end", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    ForeignKeyConstraint(["doc_id", "entity_id"], ["entities.doc_id", "entities.entity_id"], ondelete="CASCADE"),
)

events = Table(
    "events", metadata,
    Column("doc_id", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("type", String, nullable=False),
    Column("subtype", String, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String),
    Column("place", String),  # entity id in the same document
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("background", Boolean, nullable=False),
    Column("detail", JSON, nullable=False),  # the record's event object, as given
    _doc_fk(),
    Index("ix_events_date", "date_start", "date_end"),
    Index("ix_events_type", "type", "subtype"),
)

# Who took part in an event, one row per (role, entity), so "events of actor X" is a join.
event_roles = Table(
    "event_roles", metadata,
    Column("doc_id", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("role", String, primary_key=True),  # perpetrator | target | weapon | place
    Column("entity_id", String, primary_key=True),
    ForeignKeyConstraint(["doc_id", "event_id"], ["events.doc_id", "events.event_id"], ondelete="CASCADE"),
    ForeignKeyConstraint(["doc_id", "entity_id"], ["entities.doc_id", "entities.entity_id"], ondelete="CASCADE"),
    Index("ix_event_roles_entity", "doc_id", "entity_id"),
)

relations = Table(
    "relations", metadata,
    Column("doc_id", String, primary_key=True),
    Column("relation_id", String, primary_key=True),  # "r<position in the record>"
    Column("type", String, nullable=False),
    Column("source", String, nullable=False),
    Column("target", String, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("detail", JSON, nullable=False),
    ForeignKeyConstraint(["doc_id", "source"], ["entities.doc_id", "entities.entity_id"], ondelete="CASCADE"),
    ForeignKeyConstraint(["doc_id", "target"], ["entities.doc_id", "entities.entity_id"], ondelete="CASCADE"),
    Index("ix_relations_source", "doc_id", "source"),
    Index("ix_relations_target", "doc_id", "target"),
    Index("ix_relations_type", "type"),
)

claims = Table(
    "claims", metadata,
    Column("doc_id", String, primary_key=True),
    Column("claim_id", String, primary_key=True),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("source_text", Text),
    Column("source_kind", String, nullable=False),
    Column("source_entity", String),
    Column("anonymous", Boolean),
    Column("source_count", Integer),
    Column("stance", String, nullable=False),
    Column("detail", JSON, nullable=False),
    _doc_fk(),
    Index("ix_claims_source_entity", "doc_id", "source_entity"),
    Index("ix_claims_stance", "stance"),
)

# Text columns carry no length: PostgreSQL would enforce one and SQLite would not.
# Parents before children: inserts go in this order, deletes in reverse.
DOCUMENT_TABLES = (documents, records, entities, mentions, events, event_roles, relations, claims)

# --- the knowledge base (migration 2) ----------------------------------------------------------
# Derived tables: recomputed in full from the records by KnowledgeBase.rebuild, so their
# content does not depend on ingest order. `kb_merges` is the exception: it keeps every
# merge ever proposed with its undone flag, so a rebuild respects an undo.

kb_stories = Table(
    "kb_stories", metadata,
    Column("doc_id", String, primary_key=True),
    Column("story_id", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_kb_stories_story", "story_id"),
)

kb_actors = Table(
    "kb_actors", metadata,
    Column("actor_id", String, primary_key=True),  # the canonical actor id (rows.actor_id of the merge target)
    Column("name", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("subkind", String),
    Column("country", String),
    Column("provisional", Boolean, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("data", JSON, nullable=False),  # aliases, members, registry entry
    Index("ix_kb_actors_kind", "kind"),
)

# Every per-document actor id (entities.actor_id) -> its knowledge-base actor.
kb_actor_members = Table(
    "kb_actor_members", metadata,
    Column("member_id", String, primary_key=True),
    Column("actor_id", String, nullable=False),
    Index("ix_kb_actor_members_actor", "actor_id"),
)

# Every name an actor goes by (registry aliases, names in the documents), normalised.
kb_actor_names = Table(
    "kb_actor_names", metadata,
    Column("name_key", String, primary_key=True),
    Column("actor_id", String, primary_key=True),
    Index("ix_kb_actor_names_actor", "actor_id"),
)

kb_merges = Table(
    "kb_merges", metadata,
    Column("merge_id", String, primary_key=True),  # derived from the rule and its key
    Column("target", String, nullable=False),
    Column("members", JSON, nullable=False),  # the per-document actor ids merged into target
    Column("reason", Text, nullable=False),
    Column("automatic", Boolean, nullable=False),
    Column("undone", Boolean, nullable=False),
    Column("undone_at", DateTime(timezone=True)),
)

# Facts (relations, events) and claims, each as the JSON the library returns, with the
# columns the queries filter on.
kb_items = Table(
    "kb_items", metadata,
    Column("item_id", String, primary_key=True),
    Column("item_kind", String, nullable=False),  # relation | event | claim
    Column("type", String),
    Column("subtype", String),
    Column("grade", Integer),
    Column("disputed", Boolean),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("country", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("data", JSON, nullable=False),
    Index("ix_kb_items_kind_type", "item_kind", "type"),
    Index("ix_kb_items_date", "date_start", "date_end"),
)

kb_item_actors = Table(
    "kb_item_actors", metadata,
    Column("item_id", String, primary_key=True),
    Column("actor_id", String, primary_key=True),
    Column("role", String, primary_key=True),  # source | target | perpetrator | target | speaker | mentioned
    Index("ix_kb_item_actors_actor", "actor_id"),
)

# Rebuilt in full on every rebuild (kb_merges is not: see above).
KB_DERIVED_TABLES = (kb_stories, kb_actors, kb_actor_members, kb_actor_names, kb_items, kb_item_actors)
KB_TABLES = (*KB_DERIVED_TABLES, kb_merges)
