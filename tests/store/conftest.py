"""Store fixtures: a fresh, empty store per test, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.pool import NullPool

from claimgraph.store import Store, open_store
from claimgraph.store.engine import parse_url
from claimgraph.store.schema import DOCUMENT_TABLES

PG_ENV = "CLAIMGRAPH_TEST_PG_URL"
PG_SKIP = f"set {PG_ENV} to run the store tests on PostgreSQL; CI does"
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def reset_postgres(url: str) -> None:
    """Drop everything the previous test left: the whole public schema."""
    engine = create_engine(parse_url(url), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def fresh_url(request, tmp_path) -> Callable[[], str]:
    """Call it for the URL of an empty database (each call empties it again on PostgreSQL)."""
    if request.param == "postgresql":
        url = os.environ.get(PG_ENV)
        if not url:
            pytest.skip(PG_SKIP)

        def pg() -> str:
            reset_postgres(url)
            return url
        return pg
    counter = iter(range(1_000_000))
    # A folder that does not exist yet: open_store must create it.
    return lambda: f"sqlite:///{tmp_path}/stores/{next(counter)}/claimgraph.db"


@pytest.fixture
def store_factory(fresh_url) -> Iterator[Callable[[], Store]]:
    """Opens fresh stores; closes every one at teardown. Close a store before asking for
    the next one (on PostgreSQL the next one empties the same database)."""
    opened: list[Store] = []

    def make() -> Store:
        store = open_store(fresh_url())
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(store_factory) -> Store:
    return store_factory()


def snapshot(store: Store) -> dict[str, list[str]]:
    """Every row of every document table, as sorted canonical JSON (ingestion time left out)."""
    tables = {}
    with store.engine.connect() as conn:
        for table in DOCUMENT_TABLES:
            rows = conn.execute(select(table)).mappings()
            tables[table.name] = sorted(
                json.dumps({k: v for k, v in row.items() if k != "ingested_at"}, sort_keys=True, default=_plain)
                for row in rows
            )
    return tables


def row_counts(store: Store) -> dict[str, int]:
    return {name: len(rows) for name, rows in snapshot(store).items()}


def _plain(value):
    return value.hex() if isinstance(value, bytes) else str(value)


@pytest.fixture(name="snapshot")
def snapshot_fixture() -> Callable[[Store], dict[str, list[str]]]:
    return snapshot


@pytest.fixture(name="row_counts")
def row_counts_fixture() -> Callable[[Store], dict[str, int]]:
    return row_counts
