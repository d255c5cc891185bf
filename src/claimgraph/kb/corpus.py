"""Everything a rebuild computes from: the documents (with outlet grade and story),
the records, and each entity's knowledge-base actor. Plain data, no database."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.kb.actors import ACTOR_KINDS
from claimgraph.store.rows import actor_id as member_id


@dataclass
class Corpus:
    docs: dict[str, dict]  # doc_id -> document fields + reliability, story_id, published_iso
    records: dict[str, dict]  # doc_id -> extraction record
    actors: dict[str, dict]  # knowledge-base actor id -> actor
    mapping: dict[str, str]  # per-document actor id -> knowledge-base actor id
    _entity_ids: dict[str, dict[str, str]] = field(default_factory=dict)

    def actor_of(self, doc_id: str) -> dict[str, str]:
        """Entity id of the document -> knowledge-base id (places and weapons keep their
        per-document id, which is stable across documents for registry entries)."""
        if doc_id not in self._entity_ids:
            self._entity_ids[doc_id] = {
                e["id"]: self.mapping.get(key, key) if e["kind"] in ACTOR_KINDS else key
                for e in self.records[doc_id].get("entities", []) for key in (member_id(e, doc_id),)
            }
        return self._entity_ids[doc_id]

    def entity(self, doc_id: str, entity_id: str) -> dict:
        return next(e for e in self.records[doc_id]["entities"] if e["id"] == entity_id)

    def label(self, doc_id: str, entity_id: str) -> dict:
        """{actor_id, name} of an entity, the name from the knowledge base when an actor."""
        key = self.actor_of(doc_id)[entity_id]
        name = self.actors[key]["name"] if key in self.actors else self.entity(doc_id, entity_id)["name"]
        return {"actor_id": key, "name": name}
