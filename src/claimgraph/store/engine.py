"""Store URLs -> SQLAlchemy engines: SQLite (WAL, foreign keys) or PostgreSQL (psycopg 3, pooled)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from claimgraph.errors import StoreError

PG_PREFIXES = ("postgresql://", "postgres://")
WRITE = "claimgraph_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)


def parse_url(url: str) -> URL:
    """A store URL, with postgresql:// turned into postgresql+psycopg:// and a bare path into SQLite."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    for prefix in PG_PREFIXES:
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"cannot read the store URL {url!r}: {exc}") from exc
    if parsed.drivername not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise StoreError(f"unsupported store URL {parsed.render_as_string()!r}: use sqlite:///FILE or postgresql://…")
    return parsed


def make_engine(url: str) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_size=5, max_overflow=5, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        folder = Path(url.database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder {folder} for the store: {exc.strerror}") from exc
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's BEGIN (below) delimit transactions instead of the driver's guesswork.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, much faster commits
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # A writer takes the lock up front: a deferred read-then-write transaction can
        # fail with "database is locked" when two writers upgrade at once.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

    return engine
