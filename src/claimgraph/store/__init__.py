"""The store: schema, migrations, ingest and queries. Only this package talks to the database."""

from claimgraph.store.store import Store, open_store

__all__ = ["Store", "open_store"]
