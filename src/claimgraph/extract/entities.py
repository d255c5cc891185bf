"""Stage `entities`: mentions -> entities.

Names come from doc.ents (the registry matcher's spans carry a kb_id, spaCy's NER
fills in the rest). Mentions of one actor become one entity: by registry id, by a
registry lookup of an unmatched name, by surname for people ("Soleimani" after
"Qassem Soleimani"), else by normalised name. The NER's spans are mended first: glued
glosses cut off, a name's class word ("Brigades", "Barrage") sets its kind, and persons it
missed are found where the text names them again or gives them a title ("Mr Alzoubi"). Appositions and pronouns join the
entity they refer to where the parse allows it (see coref.py); unnamed collective
actors become provisional entities (see collectives.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from claimgraph.extract.collectives import add_collectives, add_nominals, extend_to_members
from claimgraph.extract.coref import (
    resolve_appositions, resolve_demonyms, resolve_descriptions, resolve_pronouns,
)
from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import Entity, Extraction
from claimgraph.registry.lexicons import load_demonyms, load_sites, load_weapons

LABEL_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
               "FAC": "place", "WEAPON": "weapon"}
TITLES = {
    "general", "gen", "gen.", "lt", "lt.", "colonel", "col", "col.", "major", "maj", "captain", "capt",
    "commander", "admiral", "adm", "sergeant", "president", "vice", "prime", "minister", "foreign",
    "secretary", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sheikh", "sheik", "shaikh",
    "ayatollah", "grand", "imam", "king", "prince", "crown", "emir", "sultan", "sayyed", "sayyid",
    "senator", "sen.", "rep.", "governor", "gov.", "mayor", "lieutenant", "brigadier", "field", "marshal",
    "chief", "deputy", "ambassador", "envoy", "spokesman", "spokeswoman", "mullah", "hajji", "haji",
}


@dataclass
class _Group:
    kind: str
    name: str
    registry_id: str | None = None
    subkind: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


class Entities:
    """Stage `entities` (see the module docstring)."""

    name = "entities"

    def __init__(self, registry):
        self.registry = registry
        self.states = {a.country: a for a in registry.actors.values() if a.subkind == "state" and a.country}

    def __call__(self, ex: Extraction) -> None:
        groups: dict[str, _Group] = {}
        persons: dict[str, str] = {}  # surname key -> group key of a full name
        for span in _name_spans(ex.doc):
            key, group = self._group_for(span, groups, persons)
            if group is None:
                continue
            group.spans.append((span.start_char, _name_end(span)))
        for key, group in groups.items():
            ex.entities.append(self._entity(ex, key, group))
        self._resolve(ex)

    def _resolve(self, ex: Extraction) -> None:
        index = MentionIndex(ex)
        states = {e.registry_id: e for e in ex.entities if e.registry_id and e.subkind == "state"}
        resolve_demonyms(ex.doc, index, load_demonyms(), states, lambda state_id: self._state(index, state_id))
        extend_to_members(ex.doc, index)
        add_collectives(ex.doc, index)
        resolve_appositions(ex.doc, index)
        resolve_descriptions(ex.doc, index)
        add_nominals(ex.doc, index)
        resolve_pronouns(ex.doc, index)

    def _state(self, index: MentionIndex, state_id: str) -> Entity:
        actor = self.registry.get(state_id)
        return index.new_entity(kind="place", name=actor.name, subkind="state", registry_id=actor.id)

    def _group_for(self, span: Span, groups: dict, persons: dict) -> tuple[str, _Group | None]:
        kind = LABEL_KINDS.get(span.label_)
        if kind is None:
            return "", None
        actor = self._actor_for(span)
        if actor is not None:
            key = f"actor:{actor.id}"
            if key not in groups:
                groups[key] = _Group(_actor_kind(actor), actor.name, actor.id, actor.subkind)
            if actor.kind == "person":
                persons.setdefault(_surname(actor.name), key)
            return key, groups[key]
        if span.kb_id_:
            key = span.kb_id_
            if key not in groups:
                groups[key] = _lexicon_group(kind, key)
            return key, groups[key]
        name = _clean_name(span.text)
        if kind == "person":
            name = _strip_titles(name)
            if not name:
                return "", None
            key = persons.get(name.lower()) if " " not in name else None
            if key is None:
                key = f"person:{name.lower()}"
                persons.setdefault(_surname(name), key)
        else:
            key = f"{kind}:{name.lower()}"
        groups.setdefault(key, _Group(kind, name))
        return key, groups[key]

    def _actor_for(self, span: Span):
        if span.kb_id_.startswith("actor:"):
            return self._state_for_military(span, self.registry.get(span.kb_id_[6:]))
        if span.kb_id_ or span.label_ not in ("PERSON", "ORG", "GPE"):
            return None
        text = _clean_name(span.text)
        if span.label_ == "PERSON":
            text = _strip_titles(text)
        found = self.registry.lookup(text) if text else []
        return found[0] if len(found) == 1 else None

    def _state_for_military(self, span: Span, actor):
        """"the US military" is the state acting by force (ACLED codes it "Military Forces of
        the United States"), so it is a mention of the state; named services ("US Army",
        "US Armed Forces") stay themselves."""
        if actor is not None and actor.subkind == "state_force" and span[-1].lower_ == "military":
            return self.states.get(actor.country, actor)
        return actor

    def _entity(self, ex: Extraction, key: str, group: _Group) -> Entity:
        kind = group.kind
        if group.subkind == "state" or kind == "state":
            kind = "place"  # a state is a polity and a territory: kind place, subkind state, actor by registry id
        return Entity(
            id=ex.new_id("e", ex.entities), kind=kind, name=group.name,
            subkind=group.subkind if group.subkind != kind else None,
            registry_id=group.registry_id,
            mentions=list(group.spans),
            provisional=group.registry_id is None and kind != "weapon",
        )


def _lexicon_group(kind: str, kb_id: str) -> _Group:
    """A site or a weapon from the shipped lexicons, under its canonical name."""
    lexicon, item_id = kb_id.split(":", 1)
    if lexicon == "place":
        site = load_sites()[item_id]
        return _Group("place", site.name, item_id, "facility")
    weapon = load_weapons()[item_id]
    return _Group("weapon", weapon.name, None, weapon.subkind)


NOT_NAMES = {"god", "allah"}  # "God" is no place, person or organisation that reports track


def _name_spans(doc) -> list[Span]:
    """Entity spans worth keeping, with single names relabelled as persons where the same
    word is a person's name elsewhere in the text ("Karim" after "Karim Wasfi"), and a
    person's name cut off the title spaCy ran it into ("[Minister for the] Middle East
    Tobias Ellwood")."""
    spans = [s for s in doc.ents if (s.label_ in LABEL_KINDS or s.label_ == "NORP") and _has_latin(s.text)
             and s.text.lower() not in NOT_NAMES and not s.text.endswith("-")]  # "pro-" of "pro-Assad"
    person_words = {t.lower_ for s in spans if s.label_ == "PERSON" and not s.kb_id_
                    for t in s if t.idx < _name_end(s)}
    person_words |= {w.lower() for s in spans if s.label_ == "PERSON" and not s.kb_id_
                     for w in _without_gloss(s.text).split()}  # "Qanbar" of "Qanbar(Arabic"
    kept = []
    for span in spans:
        if span.label_ in ("GPE", "ORG", "LOC") and not span.kb_id_ and span[-1].lower_ in person_words:
            start = span.end - 1
            while start > span.start and doc[start - 1].lower_ in person_words:
                start -= 1
            span = Span(doc, start, span.end, label="PERSON")
        elif span.label_ == "NORP" and all(t.lower_ in person_words for t in span):  # "Abu Ghadiya" as a people
            span = Span(doc, span.start, span.end, label="PERSON")
        elif span.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC") and not span.kb_id_:
            span = _by_class_word(doc, span)
        if span.label_ in LABEL_KINDS:
            kept.append(span)
    return sorted(kept + _names_of_persons(doc, kept), key=lambda s: s.start)


# The class word of a name says its kind, whatever the NER guessed: "al-Ghuraba Brigades",
# "Saray al-Jihad Group" are organisations, "the Samarra Barrage", "Lake Tharthar" places.
ORG_CLASS_WORDS = {
    "brigade", "brigades", "battalion", "battalions", "regiment", "division", "corps", "army", "front",
    "movement", "party", "council", "committee", "ministry", "department", "agency", "organisation",
    "organization", "union", "league", "coalition", "alliance", "company", "corporation", "group", "institute",
    "association", "society", "federation", "commission", "court", "tribunal", "bank", "network", "forces",
    "guard", "guards", "militia", "office", "authority", "directorate", "command", "bureau", "foundation",
    "fund", "trust", "assembly", "parliament", "government", "administration", "police", "army",
}
PLACE_CLASS_WORDS = {
    "mountain", "mountains", "hill", "hills", "river", "lake", "lakes", "sea", "gulf", "bay", "valley", "desert",
    "plain", "plains", "dam", "barrage", "canal", "bridge", "airport", "airbase", "mosque", "church", "cathedral",
    "shrine", "temple", "square", "street", "road", "avenue", "highway", "district", "province", "governorate",
    "region", "village", "camp", "island", "islands", "peninsula", "crossing", "port", "harbour", "harbor",
    "palace", "stadium", "prison", "gate", "tower", "park", "strait", "oasis", "ridge", "reservoir", "depression",
    "marshes", "coast", "heights", "mount", "fort", "cape",
}
PLACE_FIRST_WORDS = {"lake", "lakes", "mount", "camp", "fort", "port", "cape", "gulf", "river"}  # "Lake Tharthar"


def _by_class_word(doc, span: Span) -> Span:
    """The span relabelled by its class word, and taking in the words of the name the NER
    left out before it ("[al-Ghuraba] Brigades")."""
    last, first = span[-1], span[0]
    if not last.text[:1].isupper():
        return span
    if last.lower_ in ORG_CLASS_WORDS:
        label = "ORG"
    elif last.lower_ in PLACE_CLASS_WORDS or first.lower_ in PLACE_FIRST_WORDS and len(span) > 1:
        label = "FAC"
    else:
        return span
    if LABEL_KINDS[label] == LABEL_KINDS[span.label_]:
        return span
    start = min([span.start] + [t.left_edge.i for t in last.lefts if t.dep_ == "compound" and t.i < span.start
                                and all(w.pos_ == "PROPN" or w.is_punct for w in doc[t.left_edge.i:span.start])])
    return Span(doc, start, span.end, label=label)


PERSONAL_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "president", "sheikh", "sheik", "ayatollah",
                   "imam", "mullah", "general", "gen", "colonel", "col", "captain", "capt", "sergeant", "sgt",
                   "lieutenant", "lt", "major", "maj", "brigadier", "judge", "professor", "prof", "senator"}


def _names_of_persons(doc, spans: list[Span]) -> list[Span]:
    """Persons the NER left out where the text names them again ("Karbouly denied" after
    "Ziad Khalaf al-Karbouly", "Sadiq beamed" after "Sadiq Maroof") or gives them a personal
    title ("Mr Alzoubi"): a capitalised proper noun of its own, outside any entity span."""
    names = {s[-1].text for s in spans if s.label_ == "PERSON" and s[-1].text[:1].isupper()}
    covered = {t.i for e in doc.ents for t in e}
    found = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper() or len(token) < 3 \
                or token.dep_ == "compound":  # "the Tharthar depression": a name used as a place's
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
            continue  # part of a longer name the NER did not know
        titled = before is not None and before.lower_.rstrip(".") in PERSONAL_TITLES
        if not titled and (token.text not in names or before is not None and before.pos_ == "PROPN"):
            continue
        found.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return found


def _has_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in text)


def _actor_kind(actor) -> str:
    return "state" if actor.subkind == "state" else actor.kind


# A bracket glued to a name starts a gloss or a citation mark the tokenizer left on it
# ("Abboud Qanbar(Arabic", "Abu Haidar,[1"): the name ends before it.
GLUED_BRACKET = re.compile(r"(?<=\S)[(\[]")


def _without_gloss(text: str) -> str:
    found = GLUED_BRACKET.search(text)
    return text[:found.start()].rstrip(" ,.;:") if found else text


def _name_end(span: Span) -> int:
    text = _without_gloss(span.text)
    return span.start_char + len(text) if text else span.end_char


def _clean_name(text: str) -> str:
    name = " ".join((_without_gloss(text) or text).split())
    for prefix in ("the ", "The "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in ("'s", "’s", "'", "’"):
        name = name.removesuffix(suffix)
    return name


def _strip_titles(name: str) -> str:
    words = name.split()
    while words and words[0].lower().rstrip(".") in TITLES:
        words.pop(0)
    return " ".join(words)


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""
