"""Stage `places`: toponyms the NER missed become place entities, and every place entity
gets coordinates with an honest precision from the offline gazetteer stack (geo/),
resolved with the document's own context (the countries it names, the other places).
A named facility or a described one ("a cafe in Baquba") that no gazetteer knows is placed
at the place its name begins with ("the Henry County Jail") or the text puts it in, with
that place's precision. A town the NER took for a person ("Gainesville Mayor ...") becomes
a place, and a town inside an organisation's name ("Athens Police Department") a place
mention of its own, as toponym corpora count it."""

from __future__ import annotations

from claimgraph.extract.entities import NOT_NAMES
from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import Entity, Extraction, Geo
from claimgraph.geo import find_toponyms, gazetteer
from claimgraph.geo.gazetteer import WELL_KNOWN_PRIOR, prior
from claimgraph.geo.toponyms import lower_case_words

LOCATIVE_PREPS = {"in", "at", "from", "near", "to", "into", "outside", "around", "across", "toward", "towards"}
# Before a small town's name used as a place ("in Chiefland", "a resident of Lanexa"); not
# "to" or "from", which people follow as often ("spoke to Perry", "heard from Welch").
PLACE_OF_PREPS = {"in", "at", "near", "outside", "around", "of"}
# Capitalised words that begin many organisations' names and are also some hamlet's name:
# inside an organisation's name they are the word ("City Council", "National Guard").
NAME_WORDS = {
    "city", "national", "central", "federal", "royal", "united", "international", "metro", "north",
    "south", "east", "west", "northern", "southern", "eastern", "western", "state", "county", "union",
    "independence", "liberty", "justice", "unity", "victory", "freedom", "progress", "enterprise",
    "commerce", "community", "general", "standard", "capital", "republic", "continental", "american",
    "pacific", "atlantic", "global", "mutual", "summit", "pioneer", "heritage", "harmony", "friendship",
}
CONTAINER_PREPS = {"in", "at", "of", "near", "outside", "inside"}  # "a market in Baghdad"
# Words before a name that make it a person's ("Mr. Logan", "Sen. Clinton").
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president", "mayor",
    "judge", "officer", "sgt", "sergeant", "coach", "rev", "reverend", "father", "sister", "brother",
    "uncle", "aunt", "son", "daughter", "wife", "husband", "mother", "dad", "mom", "sir", "lord", "lady",
    "gen", "general", "col", "capt", "lt", "chief", "deputy", "minister", "secretary", "professor", "prof",
}
SPEECH_VERBS = {"say", "tell", "add", "explain", "write", "ask", "note", "recall", "testify", "plead"}
HOME_TOWN_MARKS = {"D-", "R-", "I-"}  # a legislator's party before the home town
# Lower-case words that leave a site named by its place: inside names ("Port of Spain"), or
# the place's own extent ("the Lindsay area", "Puge county").
NAME_LINKS = {"the", "of", "and", "de", "del", "la", "el", "al", "on", "upon"}
AREA_WORDS = {"area", "areas", "county", "district", "province", "region", "township", "city", "town", "village",
              "governorate", "municipality", "suburbs", "outskirts", "countryside", "neighbourhood", "neighborhood"}
MAX_ACRONYM_LETTERS = 4  # "ETA", "ISIL"; "OMAHA" in a dateline is a town
MAX_NAME_WORDS = 4  # the longest place name looked for at the start of a facility's name


class Places:
    name = "places"

    def __init__(self, registry):
        self.registry = registry
        self.gaz = gazetteer()  # built once per process

    def __call__(self, ex: Extraction) -> None:
        self._retype_named_places(ex)
        self._add_toponyms(ex)
        places = [e for e in ex.entities if e.kind == "place"]
        if not places:
            return
        names = [self._lookup_name(e, ex) for e in places]
        inner = [self._inner_name(e, ex) if not name else ("", False) for e, name in zip(places, names)]
        own = {n.lower() for n in names if n} | {e.name.lower() for e, n in zip(places, names) if n}
        for i, (name, described) in enumerate(inner):
            # "the Henry County Jail" lies in the county. A description lies in a place its
            # words name only where the document names that place itself ("a Boston street")
            # or it is well known: "the Christmas market" is not in Christmas, Florida.
            if name and (not described or name.lower() in own or self._well_known(name)):
                names[i] = name
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

    def _well_known(self, name: str) -> bool:
        """A place of ~100,000 or more, a state or a country by this name (not "Victor" for
        Victorville)."""
        return any(prior(p) >= WELL_KNOWN_PRIOR for p in self.gaz.readings(name, fuzzy=False))

    def _inner_name(self, entity: Entity, ex: Extraction) -> tuple[str, bool]:
        """The place a facility's name ("the Henry County Jail") or a described site ("a
        Boston street") begins with or ends in, and whether it is a description (a word in
        lower case); ("", False) where none."""
        for start, end in sorted(entity.mentions):
            text = ex.doc.text[start:end]
            inner = self._place_in_name(text)
            if inner:
                return inner, any(w.isalpha() and w.islower() and w not in NAME_LINKS and w not in AREA_WORDS
                                  for w in text.split())
        return "", False

    def _place_in_name(self, text: str) -> str:
        """The place a facility's name begins with or ends in: "the Henry County Jail" ->
        "Henry County", "the Port of Los Angeles" -> "Los Angeles"; "" where none."""
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        tails = [" ".join(words[i + 1:]) for i, w in enumerate(words) if w == "of"][-1:]
        heads = [" ".join(words[:n]) for n in range(min(len(words) - 1, MAX_NAME_WORDS), 0, -1)]
        for part in tails + heads:
            if part[:1].isupper() and part.lower() not in NAME_WORDS and self.gaz.candidates(part, fuzzy=False):
                return part
        return ""

    def _add_toponyms(self, ex: Extraction) -> None:
        """Toponyms not yet an entity; an unregistered organisation that is only a place name
        ("Erbil" tagged ORG) becomes that place."""
        index = MentionIndex(ex)
        by_name: dict[str, Entity] = {e.name.lower(): e for e in ex.entities if e.kind == "place"}
        for start, end, name in find_toponyms(ex.doc, self.gaz):
            span = ex.doc.char_span(start, end, alignment_mode="expand")
            if span is None or name.lower() in NOT_NAMES:  # "God": the entities stage dropped it
                continue
            holder = index.entity_of(span.start)
            if holder is not None and ex.doc.text[max(start - 2, 0):start] in HOME_TOWN_MARKS:
                holder = None  # "Ray Miller, D-Columbus": the NER's person span took the town
            if holder is not None and not _names_after_place(holder, start, end, name):
                _relabel_if_place(holder, name, ex.doc)
                continue
            entity = by_name.get(name.lower())
            if entity is None:
                entity = index.new_entity(kind="place", name=name, provisional=True)
                by_name[name.lower()] = entity
            index.add(entity, start, end)

    def _retype_named_places(self, ex: Extraction) -> None:
        """A "person" named only by a place's name, never as a person ("Gainesville Mayor
        Myrtle Figueras", "in Chiefland", "GLASGOW, Ky."): the small model's usual mistake for
        towns. A well-known place needs no cue; a small one needs a place-like use, and any
        person-like use (a title, "X said", the surname of a person named here) keeps it a person."""
        surnames = {e.name.split()[-1].lower() for e in ex.entities if e.kind == "person" and " " in e.name}
        for entity in ex.entities:
            if entity.kind != "person" or not entity.provisional or entity.registry_id:
                continue
            if entity.name.lower() in surnames or not _is_name(entity.name):
                continue
            if self._named_place(entity, ex.doc):
                entity.kind = "place"

    def _named_place(self, entity: Entity, doc) -> bool:
        cands = self.gaz.readings(entity.name, fuzzy=False)
        if not cands or cands[0].precision == "site":
            return False
        spans = [s for s in _mention_spans(entity, doc) if s is not None]
        if not spans or any(_person_use(s) for s in spans):
            return False
        # "Man" at a sentence's start, with "man" elsewhere, is the word, however big Man is.
        well_known = prior(cands[0]) >= WELL_KNOWN_PRIOR and entity.name.lower() not in lower_case_words(doc)
        return well_known or any(_place_use(s) for s in spans)

    def _context_countries(self, ex: Extraction) -> list[str]:
        countries = []
        for entity in ex.entities:
            actor = self.registry.get(entity.registry_id) if entity.registry_id else None
            if actor is not None and actor.subkind == "state" and actor.country:
                countries.append(actor.country)
        return countries


def _acronym(name: str) -> bool:
    return name.isupper() and name.isalpha() and len(name) <= MAX_ACRONYM_LETTERS


def _is_name(text: str) -> bool:
    """"Baghdad", "al-Anbar", "the US": a capital letter somewhere; "market" has none."""
    return any(c.isupper() for c in text)


def _names_after_place(holder: Entity, start: int, end: int, toponym: str) -> bool:
    """The toponym lies inside a longer name of an organisation that is named after the
    place ("Athens Police Department", "University of Cincinnati"): the toponym is a place
    mention of its own, as gazetteers and toponym corpora count it."""
    if holder.kind != "organization" or holder.registry_id or toponym.lower() in NAME_WORDS:
        return False
    return any(a <= start and end <= b and (a, b) != (start, end) for a, b in holder.mentions)


def _person_use(span) -> bool:
    """"Mr. Logan", "Logan, 45,", "Logan said": the name is used as a person's."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in PERSON_TITLES:
        return True
    after = doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].like_num:
        return True
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS


def _place_use(span) -> bool:
    """"in Lanexa", "a Gainesville restaurant", "Winona police", "Ada, Oklahoma", a dateline."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in PLACE_OF_PREPS:
        return True
    if after is not None and after.pos_ in ("NOUN", "PROPN") and span.root.dep_ == "compound":
        return True
    if after is not None and after.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "GPE":
        return True
    return span.text.isupper() and len(span.text) > 3 and (span[0].is_sent_start or before.is_space)


def _relabel_if_place(entity: Entity, toponym: str, doc) -> None:
    """An unregistered "organisation" or "person" that is only a place name, used only as a
    place ("in Erbil", "near Lanexa"), is that place."""
    if entity.kind not in ("organization", "person") or not entity.provisional or entity.registry_id:
        return
    if entity.name.lower() != toponym.lower():
        return
    spans = _mention_spans(entity, doc)
    if entity.kind == "person" and not all(_locative(span) for span in spans):
        return
    # An acronym ("ETA", "UDA") names a group more often than a town: a place only where
    # every mention is used as one.
    if _acronym(entity.name) and not all(_locative(span) or _place_use(span) for span in spans if span is not None):
        return
    entity.kind = "place"


def _mention_spans(entity: Entity, doc) -> list:
    """The entity's mentions as spans (None where a mention does not align with tokens)."""
    return [doc.char_span(start, end, alignment_mode="expand") for start, end in entity.mentions]


def _locative(span) -> bool:
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
