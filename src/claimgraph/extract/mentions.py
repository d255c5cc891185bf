"""A token -> entity index for one document, built once and updated as mentions are added,
so the resolution steps look up "which entity is this token part of" in O(1)."""

from __future__ import annotations

from claimgraph.extract.model import Entity, Extraction


class MentionIndex:
    def __init__(self, ex: Extraction):
        self.ex = ex
        self.by_token: dict[int, Entity] = {}
        self.first_token: dict[int, list[tuple[int, Entity]]] = {}  # sentence start -> mentions
        for entity in ex.entities:
            for start, end in entity.mentions:
                self._index(entity, start, end)

    def _index(self, entity: Entity, start: int, end: int) -> None:
        span = self.ex.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        for token in span:
            self.by_token.setdefault(token.i, entity)

    def entity_of(self, token_i: int) -> Entity | None:
        return self.by_token.get(token_i)

    def covers(self, start_token: int, end_token: int) -> bool:
        return any(i in self.by_token for i in range(start_token, end_token))

    def add(self, entity: Entity, start: int, end: int) -> None:
        entity.mentions.append((start, end))
        self._index(entity, start, end)

    def extend(self, entity: Entity, old: tuple[int, int], end: int) -> None:
        """Lengthen one of the entity's mentions to end at `end` ("ISIL" -> "ISIL fighters")."""
        entity.mentions[entity.mentions.index(old)] = (old[0], end)
        self._index(entity, old[0], end)

    def new_entity(self, **fields) -> Entity:
        entity = Entity(id=self.ex.new_id("e", self.ex.entities), **fields)
        self.ex.entities.append(entity)
        return entity
