"""Stage `places`: toponyms the NER missed become place entities, and every place entity
gets coordinates with an honest precision from the offline gazetteer stack (geo/),
resolved with the document's own context (the countries it names, the other places)."""

from __future__ import annotations

from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import Entity, Extraction, Geo
from claimgraph.geo import find_toponyms, gazetteer


class Places:
    name = "places"

    def __init__(self, registry):
        self.registry = registry
        self.gaz = gazetteer()  # built once per process

    def __call__(self, ex: Extraction) -> None:
        self._add_toponyms(ex)
        places = [e for e in ex.entities if e.kind == "place"]
        if not places:
            return
        chosen = self.gaz.resolve([e.name for e in places], self._context_countries(ex))
        for entity, place in zip(places, chosen):
            if place is not None:
                entity.geo = Geo(place.lat, place.lon, place.country, place.precision)
                entity.subkind = entity.subkind or place.kind

    def _add_toponyms(self, ex: Extraction) -> None:
        """Toponyms not yet an entity; an unregistered organisation that is only a place name
        ("Erbil" tagged ORG) becomes that place."""
        index = MentionIndex(ex)
        by_name: dict[str, Entity] = {e.name.lower(): e for e in ex.entities if e.kind == "place"}
        for start, end, name in find_toponyms(ex.doc, self.gaz):
            span = ex.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            holder = index.entity_of(span.start)
            if holder is not None:
                _relabel_if_place(holder, name, ex.doc)
                continue
            entity = by_name.get(name.lower())
            if entity is None:
                entity = index.new_entity(kind="place", name=name, provisional=True)
                by_name[name.lower()] = entity
            index.add(entity, start, end)

    def _context_countries(self, ex: Extraction) -> list[str]:
        countries = []
        for entity in ex.entities:
            actor = self.registry.get(entity.registry_id) if entity.registry_id else None
            if actor is not None and actor.subkind == "state" and actor.country:
                countries.append(actor.country)
        return countries


LOCATIVE_PREPS = {"in", "at", "from", "near", "to", "into", "outside", "around", "across", "toward", "towards"}


def _relabel_if_place(entity: Entity, toponym: str, doc) -> None:
    """An unregistered "organisation" or "person" that is only a place name, used only as a
    place ("in Erbil", "near Lanexa"), is that place."""
    if entity.kind not in ("organization", "person") or not entity.provisional or entity.registry_id:
        return
    if entity.name.lower() != toponym.lower():
        return
    if entity.kind == "person" and not all(_locative(doc, start, end) for start, end in entity.mentions):
        return
    entity.kind = "place"


def _locative(doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE_PREPS
