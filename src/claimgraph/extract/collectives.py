"""Unnamed collective actors.

1. Groups a report keeps describing without a name ("smaller, elitist and fiercely loyal
   factions", "the new secret groups", "these new groups") become one provisional
   organisation, named from their description: plural group nouns that carry a mark of
   novelty or secrecy, clustered within the document.
2. Forces described by allegiance ("Iraqi security forces", "coalition forces",
   "pro-government militias") become provisional organisations named by the description.
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
               "gunman", "jihadist", "policeman", "guard", "paramilitary"}
PEOPLE_NOUNS = {
    "civilian", "refugee", "child", "resident", "villager", "protester", "demonstrator", "student",
    "patient", "family", "prisoner", "hostage", "detainee", "migrant", "worker", "journalist",
    "worshipper", "pilgrim", "farmer", "fisherman", "passenger", "shopper", "tribesman", "people",
}
ALLEGIANCE_WORDS = {"government", "security", "coalition", "opposition", "rebel", "regime", "pro-government",
                    "tribal", "loyalist", "paramilitary", "jihadist", "islamist", "kurdish", "shiite",
                    "sunni", "shia", "foreign", "special", "armed"}


def add_collectives(doc: Doc, index: MentionIndex) -> None:
    chunks = [c for c in doc.noun_chunks if not index.covers(c.root.i, c.root.i + 1)]
    _add_new_groups(doc, index, chunks)
    _add_forces(index, chunks)
    _add_people(index, [c for c in chunks if not index.covers(c.root.i, c.root.i + 1)])


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
        span = _trim(chunk)
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


def _trim(chunk: Span) -> Span:
    """The chunk without its leading determiner ("the new factions" -> "new factions")."""
    start = chunk.start
    while start < chunk.end - 1 and chunk.doc[start].dep_ in ("det", "predet", "poss"):
        start += 1
    return chunk.doc[start:chunk.end]
