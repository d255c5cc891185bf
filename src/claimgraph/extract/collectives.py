"""Unnamed collective actors.

1. Groups a report keeps describing without a name ("smaller, elitist and fiercely loyal
   factions", "the new secret groups", "these new groups") become one provisional
   organisation, named from their description: plural group nouns that carry a mark of
   novelty or secrecy, clustered within the document.
2. Forces described by allegiance ("Iraqi security forces", "coalition forces",
   "pro-government militias") become provisional organisations named by the description.
3. Other descriptions the parse leaves unlinked (see add_nominals): groups of people
   ("civilians", "the international community") are organisations, settings ("the town",
   "a mosque", "here") are places, people by role ("the Foreign Secretary") are persons.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from claimgraph.extract.mentions import MentionIndex

GROUP_NOUNS = {"faction", "group", "cell", "unit", "outfit", "network"}
NEW_GROUP_MARKS = {
    "new", "secret", "covert", "clandestine", "shadowy", "small", "smaller", "elite", "elitist",
    "splinter", "little-known", "obscure", "loyal", "loyalist",
}
OLD_GROUP_MARKS = {"large", "larger", "big", "bigger", "old", "older", "established", "traditional", "existing"}
FORCE_NOUNS = {"force", "troop", "soldier", "militia", "fighter", "militant", "insurgent", "rebel",
               "gunman", "jihadist", "policeman", "guard", "paramilitary", "militiaman", "leader"}
# Trades and kin: people a report names by what they do or whose they are ("a carpenter", "his
# nephew"). Not officials, diplomats or politicians: as sources they are the claims' business.
OCCUPATIONS = {
    "doctor", "physician", "surgeon", "nurse", "paramedic", "teacher", "professor", "lecturer", "engineer",
    "lawyer", "judge", "prosecutor", "farmer", "shepherd", "fisherman", "driver", "pilot", "mechanic",
    "carpenter", "builder", "labourer", "laborer", "tailor", "baker", "butcher", "shopkeeper", "merchant",
    "trader", "businessman", "businesswoman", "banker", "accountant", "clerk", "cleric", "imam", "priest",
    "preacher", "musician", "singer", "artist", "poet", "writer", "actor", "athlete", "footballer",
    "journalist", "reporter", "photographer", "cameraman", "blogger", "activist",
    "scientist", "researcher", "student", "pharmacist", "firefighter",
}
KIN = {
    "nephew", "niece", "cousin", "uncle", "aunt", "brother", "sister", "son", "daughter", "father",
    "mother", "wife", "husband", "grandfather", "grandmother", "grandson", "granddaughter", "relative",
}
PEOPLE_NOUNS = {
    "civilian", "refugee", "child", "resident", "villager", "protester", "demonstrator", "student",
    "patient", "family", "prisoner", "hostage", "detainee", "migrant", "worker", "journalist",
    "worshipper", "pilgrim", "farmer", "fisherman", "passenger", "shopper", "tribesman", "people",
    # groups that act or suffer together, which reports (and ACLED) treat as collective actors
    # (not fighters, officials or leaders: those are the armed groups' and the sources' own)
    "militant", "soldier", "troop", "terrorist", "insurgent", "rebel", "jihadist", "gunman",
    "member", "minister", "partner", "donor",
    "volunteer", "victim", "woman", "friend", "citizen", "employee", "teacher", "doctor",
    "party", "community", "organisation", "organization", "authority", "business", "company", "university",
    *OCCUPATIONS,
}
# Singular nouns that name an institution or a body of people ("the regime", "the navy").
BODY_NOUNS = {
    "regime", "government", "army", "navy", "police", "coalition", "community", "insurgency",
    "opposition", "tribe", "population", "administration", "alliance", "leadership",
    "junta", "military", "organisation", "organization", "group", "authorities", "family",
    "business", "company", "television", "media", "radio",
}
# Settings: built places, settlements and areas a report puts things in.
PLACE_NOUNS = {
    "town", "city", "village", "area", "region", "district", "province", "neighbourhood",
    "neighborhood", "suburb", "street", "road", "market", "mosque", "church", "hospital", "clinic",
    "school", "library", "building", "home", "camp", "base", "airport", "station", "border",
    "frontier", "territory", "land", "river", "dam", "mountain", "farm", "field", "site", "compound",
    "checkpoint", "prison", "bridge", "square", "restaurant", "cafe", "café", "hotel", "island",
    "valley", "desert", "lake", "coast", "centre", "center", "basement", "safehouse", "headquarters",
    "barracks", "airbase", "port", "harbour", "refinery", "courthouse", "palace", "embassy",
    "frontline", "line", "position", "house", "shop", "bakery", "cemetery", "stadium",
}
PLACE_ADVERBS = {"here", "there"}
# People named by their role or office ("the Foreign Secretary", "a spokesman").
ROLE_NOUNS = {
    "secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "commander", "chief",
    "president", "envoy", "ambassador", "governor", "mayor", "general", "colonel", "officer",
    "man", "woman", "girl", "boy", "child", "resident", "witness", "adviser", "advisor", "correspondent",
    "hostage", *OCCUPATIONS, *KIN,
}
ALLEGIANCE_WORDS = {"government", "security", "coalition", "opposition", "rebel", "regime", "pro-government",
                    "tribal", "loyalist", "paramilitary", "jihadist", "islamist", "kurdish", "shiite",
                    "sunni", "shia", "foreign", "special", "armed", "pro", "anti"}  # "pro-Assad forces"


def add_collectives(doc: Doc, index: MentionIndex) -> None:
    chunks = [c for c in doc.noun_chunks if not index.covers(c.root.i, c.root.i + 1)]
    _add_new_groups(doc, index, chunks)
    _add_forces(index, chunks)
    _add_people(index, [c for c in chunks if not index.covers(c.root.i, c.root.i + 1)])


# Plural nouns for the people of a group acting as the group: "ISIL fighters", "EU leaders".
MEMBER_NOUNS = FORCE_NOUNS | {"official", "officer", "member", "commander", "operative", "loyalist",
                              "supporter", "agent", "personnel", "staff", "unit", "delegate", "diplomat"}


def extend_to_members(doc: Doc, index: MentionIndex) -> None:
    """An organisation's name that modifies its members ("IS fighters", "Interior Ministry
    officers", "EU leaders") is the organisation acting: its mention takes in the noun, as
    annotators mark the phrase. A state's name is left as it is ("US officials" are officials,
    not the state's territory)."""
    for entity in [e for e in index.ex.entities if e.kind == "organization"]:
        for start, end in list(entity.mentions):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or span.end >= len(doc):
                continue
            if span[-1].dep_ in ("compound", "amod", "nmod"):
                noun = span[-1].head
            elif doc[span.end].tag_ == "NNS":  # the name misparsed ("IS" as a verb in "IS fighters attacked")
                noun = doc[span.end]
            else:
                continue
            if noun.i <= span.end - 1 or index.covers(span.end, noun.i + 1):
                continue
            if any(t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in doc[span.end:noun.i]) or noun.i - span.end > 2:
                continue
            if noun.lemma_.lower() in MEMBER_NOUNS and noun.tag_ in ("NNS", "NN") and \
                    (noun.tag_ == "NNS" or noun.lower_ in ("personnel", "staff")):
                index.extend(entity, (start, end), noun.idx + len(noun))


def add_nominals(doc: Doc, index: MentionIndex) -> None:
    """Descriptions no earlier step linked: groups of people, bodies, settings and people by role.
    A noun that heads "the city of Mosul" or modifies a name is left to the name."""
    for chunk in doc.noun_chunks:
        if not _unlinked(chunk, index):
            continue
        kind = _nominal_kind(chunk.root)
        if kind is None:
            continue
        span = _extent(chunk)
        named = index.entity_of(chunk.end) if chunk.end < len(doc) and doc[chunk.end].pos_ == "PROPN" else None
        if named is not None:  # "the militant group Hezbollah", "the town Tal Afar": the name's description
            if named.kind == kind:
                index.add(named, span.start_char, span.end_char)
            continue
        entity = index.new_entity(kind=kind, name=" ".join(span.text.split()).lower(),
                                  subkind="description", provisional=True)
        index.add(entity, span.start_char, span.end_char)
    _add_place_adverbs(doc, index)


def _unlinked(chunk: Span, index: MentionIndex) -> bool:
    root = chunk.root
    if index.covers(root.i, root.i + 1):
        return False
    if root.pos_ != "NOUN" and not (root.pos_ == "PROPN" and root.lower_ in ROLE_NOUNS):  # "The Foreign Secretary"
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
                   for c in root.children)  # "the city of Mosul": the name's mention


def _nominal_kind(root) -> str | None:
    lemma = root.lemma_.lower()
    plural = root.tag_ == "NNS"
    if lemma in PLACE_NOUNS:
        return "place"
    if lemma in BODY_NOUNS and not plural:
        return "organization"
    if (lemma in ROLE_NOUNS or root.lower_ in ROLE_NOUNS) and not plural \
            and any(t.dep_ in ("det", "poss") for t in root.children):
        return "person"
    return None


def _add_place_adverbs(doc: Doc, index: MentionIndex) -> None:
    """"here", "there" as adverbs of place ("292 Iraqis died here"), not "there is"."""
    entity = None
    for token in doc:
        if token.lower_ in PLACE_ADVERBS and token.tag_ == "RB" and not index.covers(token.i, token.i + 1):
            entity = entity or index.new_entity(kind="place", name=token.lower_, subkind="description",
                                                provisional=True)
            index.add(entity, token.idx, token.idx + len(token))


def _add_people(index: MentionIndex, chunks: list[Span]) -> None:
    """Non-combatant collectives that reports count and that events hit: "civilians", "six villagers",
    "Syrian refugees". ACLED codes them as actors ("Civilians (Syria)"); one entity per
    head noun in a document, named by the noun."""
    by_noun: dict[str, object] = {}
    for chunk in chunks:
        root = chunk.root
        noun = root.lemma_.lower()
        if noun not in PEOPLE_NOUNS or root.tag_ != "NNS":
            continue
        if noun not in by_noun:
            by_noun[noun] = index.new_entity(kind="organization", name=root.lower_, subkind="collective",
                                             provisional=True)
        span = _extent(chunk)
        index.add(by_noun[noun], span.start_char, span.end_char)


def _add_new_groups(doc: Doc, index: MentionIndex, chunks: list[Span]) -> None:
    described = [c for c in chunks if _is_new_group(c)]
    if len(described) < 2:  # a group the report keeps referring to, not a passing phrase
        return
    marks = Counter(t.lower_ for c in described for t in c if t.lower_ in NEW_GROUP_MARKS)
    head = Counter(c.root.lemma_.lower() for c in described).most_common(1)[0][0]
    name = " ".join([m for m, _ in marks.most_common(2)] + [head + "s"])
    entity = index.new_entity(kind="organization", name=name, subkind="armed_group", provisional=True)
    for chunk in described:
        span = _trim(chunk)
        index.add(entity, span.start_char, span.end_char)


def _is_new_group(chunk: Span) -> bool:
    root = chunk.root
    if root.lemma_.lower() not in GROUP_NOUNS or root.tag_ != "NNS":
        return False
    modifiers = [t for t in root.children if t.dep_ == "amod"]
    modifiers += [c for t in modifiers for c in t.children if c.dep_ == "conj"]  # "smaller, elitist and loyal"
    words = {t.lower_ for t in chunk} | {t.lower_ for t in modifiers}
    return bool(words & NEW_GROUP_MARKS) and not words & OLD_GROUP_MARKS


def _add_forces(index: MentionIndex, chunks: list[Span]) -> None:
    by_name: dict[str, object] = {}
    for chunk in chunks:
        root = chunk.root
        if root.lemma_.lower() not in FORCE_NOUNS or root.tag_ != "NNS":
            continue
        modifiers = [t for t in chunk if t.i < root.i and t.dep_ in ("amod", "compound", "nmod")]
        if not any(t.ent_type_ in ("NORP", "GPE") or t.lower_ in ALLEGIANCE_WORDS for t in modifiers):
            continue
        span = _trim(chunk)
        name = " ".join(span.text.split())
        key = name.lower()
        if key not in by_name:
            by_name[key] = index.new_entity(kind="organization", name=name, provisional=True)
        index.add(by_name[key], span.start_char, span.end_char)


def _extent(chunk: Span) -> Span:
    """The chunk with its "of" complement, as annotators mark the phrase ("the people of
    Mosul", "members of the tribe"), without the determiner. (Relative clauses and
    coordinates are marked both ways; taking them in loses more than it gains.)"""
    doc, trimmed = chunk.doc, _trim(chunk)
    end = chunk.end
    for child in chunk.root.rights:
        if child.i >= chunk.end and child.dep_ == "prep" and child.lower_ == "of":
            end = max(end, child.right_edge.i + 1)
    while end > trimmed.start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[trimmed.start:end]


def _trim(chunk: Span) -> Span:
    """The chunk without its leading determiner ("the new factions" -> "new factions")."""
    start = chunk.start
    while start < chunk.end - 1 and chunk.doc[start].dep_ in ("det", "predet", "poss"):
        start += 1
    return chunk.doc[start:chunk.end]
