"""Schema migrations: numbered, recorded, applied once each, atomic; a newer database is refused."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import Column, MetaData, String, Table, insert, inspect, select

from claimgraph.errors import StoreError
from claimgraph.store import open_store
from claimgraph.store.migrations import MIGRATIONS, latest_version, migrate
from claimgraph.store.schema import DOCUMENT_TABLES, schema_migrations
from tests.store.samples import kh_document, kh_record

# A stand-in for a future migration, declared apart from the real schema.
future = MetaData()
merges = Table("merges", future, Column("actor_id", String, primary_key=True),
               Column("into_actor_id", String, nullable=False))


NEXT = latest_version() + 1


def _create_merges(conn) -> None:
    future.create_all(conn, tables=[merges])


def _create_merges_then_fail(conn) -> None:
    _create_merges(conn)
    raise RuntimeError("the next migration broke half-way")


def _recorded(store) -> list[tuple[int, str]]:
    with store.engine.connect() as conn:
        query = select(schema_migrations.c.version, schema_migrations.c.name).order_by(schema_migrations.c.version)
        return [tuple(row) for row in conn.execute(query)]


def _tables(store) -> set[str]:
    with store.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_a_new_store_is_at_the_latest_version_with_every_table(store):
    assert store.schema_version() == latest_version() == 2
    assert _recorded(store) == [(version, name) for version, name, _ in MIGRATIONS]
    assert {t.name for t in DOCUMENT_TABLES} | {"schema_migrations"} <= _tables(store)


def test_opening_again_applies_nothing(store):
    recorded = _recorded(store)
    assert store.migrate() == []
    again = open_store(store.engine.url.render_as_string(hide_password=False))
    try:
        assert _recorded(again) == recorded
    finally:
        again.close()


def test_a_new_migration_is_applied_once_and_recorded(store):
    doc = kh_document()
    store.ingest(doc, kh_record(doc))
    steps = MIGRATIONS + ((NEXT, "merges", _create_merges),)
    assert migrate(store.engine, steps) == [NEXT]
    assert migrate(store.engine, steps) == []
    assert store.schema_version() == NEXT
    assert "merges" in _tables(store)
    assert store.stats()["documents"] == 1, "data survives the migration"


def test_a_failing_migration_leaves_the_previous_version(store):
    with pytest.raises(RuntimeError, match="half-way"):
        migrate(store.engine, MIGRATIONS + ((NEXT, "merges", _create_merges_then_fail),))
    assert store.schema_version() == latest_version()
    assert "merges" not in _tables(store), "the migration's DDL was rolled back with it"


def test_a_database_newer_than_the_code_is_refused(store):
    url = store.engine.url.render_as_string(hide_password=False)
    with store.engine.begin() as conn:
        conn.execute(insert(schema_migrations).values(
            version=99, name="from the future", applied_at=datetime.now(timezone.utc)))
    store.close()
    with pytest.raises(StoreError, match=r"schema version 99, newer than this claimgraph knows \(up to 2\)"):
        open_store(url)

