"""Numbered schema migrations, recorded in `schema_migrations`.

Each migration runs in its own transaction together with the row that records it, so
a failed migration leaves the database at the previous version. To change the schema,
append a migration; never edit one that has shipped. Migration 1 creates its tables
from schema.py: a later change to one of those tables must be made by ALTERs in a new
migration *and* keep migration 1 creating the old shape (copy the old Table into it).
New tables (e.g. `merges`) can simply be declared in schema.py and created with
`metadata.create_all(conn, tables=[...])` in their migration.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, func, insert, inspect, select, text

from claimgraph.errors import StoreError
from claimgraph.store import schema
from claimgraph.store.engine import WRITE

Migration = tuple[int, str, Callable[[Connection], None]]
PG_LOCK_KEY = 7_420_113  # any constant: serialises concurrent migrate() calls on PostgreSQL


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.DOCUMENT_TABLES))


def _knowledge_base(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.KB_TABLES))


MIGRATIONS: tuple[Migration, ...] = (
    (1, "documents, records, entities, mentions, events, event roles, relations, claims", _initial),
    (2, "knowledge base: stories, actors, actor members and names, merges, items, item actors", _knowledge_base),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max(version for version, _, _ in migrations)


def applied_versions(conn: Connection) -> set[int]:
    if not inspect(conn).has_table(schema.schema_migrations.name):
        return set()
    return set(conn.execute(select(schema.schema_migrations.c.version)).scalars())


def schema_version(engine: Engine) -> int:
    """The highest migration recorded in the database (0 for an empty database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(schema.schema_migrations.name):
            return 0
        return conn.execute(select(func.max(schema.schema_migrations.c.version))).scalar() or 0


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply the missing migrations in order; return the versions applied now."""
    writer = engine.execution_options(**{WRITE: True})
    with writer.begin() as conn:
        _lock(conn)
        schema.schema_migrations.create(conn, checkfirst=True)
        _refuse_newer(applied_versions(conn), latest_version(migrations))
    applied = []
    for version, name, step in sorted(migrations, key=lambda m: m[0]):
        with writer.begin() as conn:
            _lock(conn)
            if version in applied_versions(conn):  # already there, or another process just did it
                continue
            step(conn)
            conn.execute(insert(schema.schema_migrations).values(
                version=version, name=name, applied_at=datetime.now(timezone.utc)))
        applied.append(version)
    return applied


def _refuse_newer(applied: set[int], latest: int) -> None:
    newer = max(applied, default=0)
    if newer > latest:
        raise StoreError(
            f"the database is at schema version {newer}, newer than this claimgraph knows "
            f"(up to {latest}): upgrade claimgraph to use it"
        )


def _lock(conn: Connection) -> None:
    # SQLite is already serialised by BEGIN IMMEDIATE; PostgreSQL needs an explicit lock.
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
