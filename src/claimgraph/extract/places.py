"""Stage `places`: toponyms the NER missed become place entities, and every place entity
gets coordinates with an honest precision from the offline gazetteer stack (geo/),
resolved with the document's own context (the countries it names, the other places).
A named facility or a described one ("a cafe in Baquba") that no gazetteer knows is placed
at the place the text puts it in, with that place's precision."""

from __future__ import annotations

from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import Entity, Extraction, Geo
from claimgraph.geo import find_toponyms, gazetteer

LOCATIVE_PREPS = {"in", "at", "from", "near", "to", "into", "outside", "around", "across", "toward", "towards"}
CONTAINER_PREPS = {"in", "at", "of", "near", "outside", "inside"}  # "a market in Baghdad"


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
        names = [self._lookup_name(e, ex) for e in places]
        chosen = self.gaz.resolve(names, self._context_countries(ex))
        for entity, place in zip(places, chosen):
            if place is not None:
                entity.geo = Geo(place.lat, place.lon, place.country, place.precision)
                entity.subkind = entity.subkind or place.kind
        _place_in_containers(ex, [e for e in places if e.geo is None])

    def _lookup_name(self, entity: Entity, ex: Extraction) -> str:
        """The canonical name, or where the gazetteer knows none by it, the first mention
        written as a name it knows; "" for a description ("a cafe" is no town "Café")."""
        if entity.registry_id or (_is_name(entity.name) and self.gaz.candidates(entity.name)):
            return entity.name
        for start, end in sorted(entity.mentions):
            text = ex.doc.text[start:end]
            if _is_name(text) and self.gaz.candidates(text):
                return text
        return ""

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


def _is_name(text: str) -> bool:
    """"Baghdad", "al-Anbar", "the US": a capital letter somewhere; "market" has none."""
    return any(c.isupper() for c in text)


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


def _place_in_containers(ex: Extraction, unplaced: list[Entity]) -> None:
    """"a cafe in Baquba", "a market in central Baghdad", "Baghdad's Karrada district": the
    unplaced place takes the geo of the resolved place its mention is syntactically in."""
    if not unplaced:
        return
    index = MentionIndex(ex)
    for entity in unplaced:
        for start, end in entity.mentions:
            container = _container(ex.doc.char_span(start, end, alignment_mode="expand"), index, entity)
            if container is not None:
                entity.geo = container.geo
                break


def _container(span, index: MentionIndex, entity: Entity) -> Entity | None:
    if span is None:
        return None
    root = span.root
    for token in root.children:
        holder = None
        if token.dep_ == "poss":  # "Baghdad's Karrada district"
            holder = index.entity_of(token.i)
        elif token.dep_ == "prep" and token.lower_ in CONTAINER_PREPS:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            holder = index.entity_of(objects[0].i) if objects else None
        if holder is not None and holder is not entity and holder.kind == "place" and holder.geo is not None:
            return holder
    return None
