"""The knowledge-base half of the Store gateway (mixed into store.Store)."""

from __future__ import annotations

from datetime import datetime, timezone

from claimgraph.store import kb_queries


class KnowledgeStore:
    """Needs the Store's `_read`, `_guard`, `_writer` and `_write_lock`."""

    def kb_documents(self) -> list[dict]:
        return self._read(kb_queries.kb_documents)

    def kb_write(self, tables: dict[str, list[dict]], merges: list[dict]) -> None:
        """Replace the derived tables and update the merges in one transaction."""
        def write() -> None:
            with self._write_lock, self._writer.begin() as conn:
                kb_queries.save_merges(conn, merges)
                kb_queries.replace_derived(conn, tables)
        self._guard("write the knowledge base", write)

    def kb_merges(self) -> list[dict]:
        return self._read(kb_queries.merge_list)

    def kb_undo_merge(self, merge_id: str) -> dict:
        def write() -> dict:
            with self._write_lock, self._writer.begin() as conn:
                return kb_queries.set_undone(conn, merge_id, datetime.now(timezone.utc))
        return self._guard(f"undo merge {merge_id!r}", write)

    def kb_actors(self, kind: str | None = None, q: str | None = None, limit: int = 100, offset: int = 0,
                  everyone: bool = False) -> list[dict]:
        return self._read(kb_queries.actor_list, kind, q, limit, offset, everyone)

    def kb_find_actor(self, actor_id: str | None, name_key: str) -> dict | None:
        return self._read(kb_queries.find_actor, actor_id, name_key)

    def kb_items(self, kind: str, **filters) -> list[dict]:
        return self._read(lambda conn: kb_queries.item_list(conn, kind, **filters))

    def kb_ties(self, type_: str | None = None, max_grade: int | None = None) -> list[dict]:
        return self._read(lambda conn: kb_queries.tie_list(conn, type_, max_grade))

    def kb_actors_by_id(self, actor_ids: list[str]) -> dict[str, dict]:
        return self._read(lambda conn: kb_queries.actors_by_id(conn, actor_ids))

    def kb_item_count(self, kind: str, **filters) -> int:
        return self._read(lambda conn: kb_queries.item_count(conn, kind, **filters))

    def kb_item(self, item_id: str) -> dict:
        return self._read(kb_queries.item, item_id)

    def kb_stories(self) -> list[dict]:
        return self._read(kb_queries.story_list)
