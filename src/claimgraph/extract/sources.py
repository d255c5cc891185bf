"""Who says it: the source phrase of a claim, its kind, head count and anonymity.

The phrase is the subject's whole subtree ("General Kenneth McKenzie, head of the US
Central Command"), not its head word. Its kind is read from the words of the first
conjunct ("Iraqi security officials, a government official and ..." is led by security
officials), then from the entity it names; pronouns and "one"/"another" take the kind
of the previous source, as a reader would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from claimgraph.extract.model import ClaimSource, Entity, Extraction, is_actor

# Words that carry a phrase's testimony rather than naming its source: "testimony from X" -> X.
CARRIERS = {"testimony", "statement", "statements", "account", "accounts", "report", "reports",
            "remarks", "comments", "interview", "interviews", "words", "documents", "data", "figures"}
OUTLETS = {"reuters", "ap", "afp", "associated press", "agence france-presse", "bbc", "cnn",
           "al jazeera", "al arabiya", "new york times", "washington post", "wall street journal",
           "guardian", "times", "post", "bloomberg", "fox news", "nbc", "abc", "cbs", "npr", "irna",
           "tasnim", "fars", "isna", "mehr", "sana", "xinhua", "tass", "ria", "al-manar", "al mayadeen"}
# Ordered: the first rule whose words appear decides (security before the generic "official").
KIND_WORDS: list[tuple[str, set[str]]] = [
    ("media", {"newspaper", "daily", "broadcaster", "television", "tv", "channel", "outlet",
               "magazine", "journalist", "reporter", "correspondent", "media", "news", "agency's"}),
    ("security_official", {"security", "intelligence", "police", "counterterrorism", "counter-terrorism"}),
    ("diplomat", {"diplomat", "diplomats", "ambassador", "envoy", "embassy", "diplomatic"}),
    ("witness", {"resident", "residents", "witness", "witnesses", "eyewitness", "eyewitnesses",
                 "villager", "villagers", "local", "locals", "survivor", "survivors", "neighbour", "neighbor"}),
    ("expert", {"analyst", "analysts", "expert", "experts", "researcher", "researchers", "scholar",
                "scholars", "professor", "academic", "academics", "economist", "economists",
                "think", "institute", "fellow", "study", "survey", "poll"}),
    ("military", MILITARY_WORDS := {"military", "army", "general", "gen.", "colonel", "col.", "brigadier", "admiral",
                  "pentagon", "command", "soldier", "soldiers", "troops", "coalition", "navy",
                  "officer", "officers", "sergeant", "lieutenant", "major", "captain", "defense", "defence"}),
    ("militia", {"militia", "militias", "militiaman", "militiamen", "commander", "commanders", "fighter",
                 "fighters", "militant", "militants", "insurgent", "insurgents", "rebel", "rebels",
                 "jihadist", "jihadists", "faction", "factions"}),
    ("government", {"government", "ministry", "minister", "department", "president", "presidency",
                    "premier", "cabinet", "spokesman", "spokeswoman", "spokesperson", "white", "kremlin",
                    "governor", "mayor", "senator", "lawmaker", "lawmakers", "parliament", "congressman",
                    "administration", "secretary"}),
    ("official", {"official", "officials", "authorities", "authority", "source", "sources", "aide", "aides"}),
]
SUBKIND_KINDS = {"media": "media", "armed_group": "group_statement", "militia": "group_statement",
                 "government": "government", "state": "government", "ministry": "government",
                 "state_force": "military", "military": "military", "police": "security_official"}
ANAPHORS = {"he", "she", "they", "it", "we", "i", "one", "another", "who", "which", "that", "this",
            "these", "those", "the other", "others", "some", "both", "each"}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "a dozen": 12}
SINGULAR_DETS = {"a", "an", "one", "another", "each", "every", "this", "that"}
PLURAL_PRONOUNS = {"they", "we", "them", "these", "those", "others", "both", "some"}
EDGE_RE = re.compile(r"^[\s,;:.—–\-\"“”'‘’(]+|[\s,;:.—–\-\"“”'‘’)]+$")


@dataclass
class SourcePhrase:
    """A source found in the parse: the phrase's tokens and its head."""

    span: TokenSpan
    head: Token


def phrase_for(head: Token) -> SourcePhrase:
    """The subject's subtree, down through carriers ("testimony from X" -> X), edge punctuation trimmed."""
    head = _through_carrier(head)
    tokens = [t for t in head.subtree if not _in_clause(t, head)]
    start, end = tokens[0].i, tokens[-1].i + 1
    doc = head.doc
    start = max([start] + [t.i + 1 for t in doc[start:head.i] if "\n" in t.text])  # one paragraph only
    end = min([end] + [t.i for t in doc[head.i + 1:end] if "\n" in t.text])
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("but", "and")):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                               or doc[end - 1].lower_ in ("all", "both", "each")):
        end -= 1
    return SourcePhrase(doc[start:end], head)


def extend_to_clause_end(phrase: SourcePhrase) -> SourcePhrase:
    """Stretch a closing agent phrase over the list the parser hung elsewhere ("by X, three
    commanders of …, a diplomat and a military source.")."""
    sent = phrase.span.sent
    tail = phrase.head.doc[phrase.span.end:sent.end]
    if any(t.pos_ in ("VERB", "AUX") for t in tail):
        return phrase
    end = sent.end
    while end > phrase.span.end and tail.doc[end - 1].is_punct:
        end -= 1
    return SourcePhrase(phrase.head.doc[phrase.span.start:end], phrase.head)


def _through_carrier(head: Token) -> Token:
    if head.lower_ not in CARRIERS or head.pos_ == "PROPN":
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "by"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return head


def _in_clause(token: Token, head: Token) -> bool:
    """Relative clauses after the head are not part of the name ("officials who spoke ...")."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "advcl") and node.head.i >= head.i:
            return True
        node = node.head
    return False


def build_source(ex: Extraction, phrase: SourcePhrase, previous: ClaimSource | None,
                 index: "EntityIndex") -> ClaimSource:
    text = EDGE_RE.sub("", phrase.span.text)
    entity = index.at(phrase.head.idx, phrase.head.idx + len(phrase.head))
    first = _first_conjunct_words(phrase)
    if _is_anaphor(phrase) and previous is not None:
        kind, entity_id = previous.kind, entity.id if entity else previous.entity
    else:
        named = phrase.head.pos_ == "PROPN"
        kind, entity_id = classify(first, entity, named), entity.id if entity else None
    return ClaimSource(
        text=text, kind=kind, span=(phrase.span.start_char, phrase.span.end_char), entity=entity_id,
        anonymous=not _names_someone(phrase, entity), count=count_people(phrase),
    )


def classify(words: list[str], entity: Entity | None, named: bool = False) -> str:
    """Source kind from the phrase's words first, then the named entity's subkind."""
    if entity is not None and entity.subkind == "media" or any(o in _ngrams(words) for o in OUTLETS):
        return "media"
    if entity is not None and named and entity.subkind in SUBKIND_KINDS:
        return SUBKIND_KINDS[entity.subkind]  # "Islamic State said": the group, whatever its words
    for kind, vocabulary in KIND_WORDS:
        if any(w in vocabulary for w in words):
            if kind == "militia" and _has(words, MILITARY_WORDS):
                return "military"  # "US commanders", "army commanders"
            return kind
    if entity is not None and entity.subkind in SUBKIND_KINDS:
        return SUBKIND_KINDS[entity.subkind]
    return "other"


def _has(words: list[str], vocabulary: set[str]) -> bool:
    return any(w in vocabulary for w in words)


def _ngrams(words: list[str]) -> set[str]:
    return {" ".join(words[i:i + n]) for n in (1, 2, 3, 4) for i in range(len(words) - n + 1)}


def _first_conjunct_words(phrase: SourcePhrase) -> list[str]:
    """Words of the first conjunct only: the head with its modifiers, minus conj/appos siblings."""
    head = phrase.head
    skip = {t.i for c in head.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    skip |= {t.i for c in head.children if c.dep_ == "appos" and c.pos_ in ("NOUN",) and c.tag_ == "NNS"
             for t in c.subtree}
    return [t.lower_ for t in phrase.span if t.i not in skip and not t.is_punct]


def _is_anaphor(phrase: SourcePhrase) -> bool:
    words = [t.lower_ for t in phrase.span if not t.is_punct]
    return " ".join(words) in ANAPHORS or (phrase.head.pos_ == "PRON" and len(words) <= 2)


def _names_someone(phrase: SourcePhrase, entity: Entity | None) -> bool:
    """Named where the head is a person or organisation name (not a nationality: "Iraqi officials")."""
    if phrase.head.pos_ == "PROPN" or phrase.head.ent_type_ in ("PERSON", "ORG"):
        return True
    return entity is not None and is_actor(entity) and phrase.head.pos_ != "NOUN"


def count_people(phrase: SourcePhrase) -> int:
    """How many people the phrase names: conjuncts add up; "three commanders" is 3, a plural 2."""
    inside = range(phrase.span.start, phrase.span.end)
    heads = [phrase.head] + [t for t in phrase.span if t.dep_ in ("conj", "appos") and t.i != phrase.head.i
                             and not _under_prep(t, phrase.head, inside)]
    return sum(_count_one(h) for h in heads if h.pos_ in ("NOUN", "PROPN", "PRON", "NUM")) or 1


def _under_prep(token: Token, head: Token, inside: range) -> bool:
    """Nouns inside a modifier ("commanders of larger militias") are not more people."""
    node = token.head
    while node.i in inside and node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("prep", "pobj") or node.dep_ == "appos" and node.pos_ == "PROPN":
            return True
        node = node.head
    return False


def _count_one(head: Token) -> int:
    for child in head.children:
        if child.dep_ == "nummod" or child.like_num:
            value = _number(child)
            if value:
                return value
    if head.lower_ in ("one", "another") or head.lower_ in NUMBERS and head.pos_ == "NUM":
        return NUMBERS.get(head.lower_, 1)
    if head.pos_ == "PRON":
        return 2 if head.lower_ in PLURAL_PRONOUNS else 1
    if any(c.lower_ in SINGULAR_DETS for c in head.children if c.dep_ == "det"):
        return 1
    return 2 if head.tag_ in ("NNS", "NNPS") else 1


def _number(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBERS.get(text)


class EntityIndex:
    """Character -> entity lookup built once per document, so each source lookup is O(1)."""

    def __init__(self, ex: Extraction):
        self.by_char: dict[int, Entity] = {}
        for entity in ex.entities:
            if not is_actor(entity):
                continue
            for start, end in entity.mentions:
                for i in range(start, end):
                    self.by_char.setdefault(i, entity)

    def at(self, start: int, end: int) -> Entity | None:
        for i in range(start, end):
            if i in self.by_char:
                return self.by_char[i]
        return None
