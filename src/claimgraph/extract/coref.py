"""Resolution inside a document: appositions ("His successor, Esmail Ghaani"), pronouns
that the preceding text makes clear, and nationality words where the state acts
("the Iranians", "an American drone strike"). Nationality adjectives alone are not actors."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import Entity

PERSON_PRONOUNS = {"he", "him", "she", "her", "i", "me", "myself", "himself", "herself"}
GROUP_PRONOUNS = {"we", "us", "they", "them", "ourselves", "themselves"}
# A nationality word that modifies one of these makes the state the actor.
AGENTIVE_HEADS = {
    "strike", "airstrike", "drone", "missile", "raid", "bombing", "bombardment", "attack",
    "warplane", "jet", "aircraft", "air", "shelling", "operation", "offensive", "invasion",
}
LOOKBACK_SENTENCES = 3


def resolve_appositions(doc: Doc, index: MentionIndex) -> None:
    """A description in apposition to a name is a mention of the name's entity."""
    for token in doc:
        if token.dep_ != "appos":
            continue
        head = token.head
        named, described = index.entity_of(head.i), index.entity_of(token.i)
        if named is not None and described is None:
            _add_description(doc, index, named, token)
        elif described is not None and named is None:
            _add_description(doc, index, described, head)


def _add_description(doc: Doc, index: MentionIndex, entity: Entity, head: Token) -> None:
    if entity.kind not in ("person", "organization") or head.pos_ not in ("NOUN", "PROPN"):
        return
    left = min((t.i for t in head.lefts if t.dep_ in ("det", "poss", "amod", "compound")), default=head.i)
    span = doc[left:head.i + 1]
    if not index.covers(span.start, span.end):
        index.add(entity, span.start_char, span.end_char)


def resolve_pronouns(doc: Doc, index: MentionIndex) -> None:
    """Personal pronouns join the nearest preceding person; "we"/"they" the nearest group."""
    recent: dict[str, tuple[int, Entity]] = {}
    for sent_no, sent in enumerate(doc.sents):
        for token in sent:
            entity = index.entity_of(token.i)
            if entity is not None and entity.kind in ("person", "organization"):
                recent[entity.kind] = (sent_no, entity)
                continue
            if token.tag_ != "PRP":
                continue
            wanted = _pronoun_kind(token)
            antecedent = recent.get(wanted) if wanted else None
            if antecedent and sent_no - antecedent[0] <= LOOKBACK_SENTENCES:
                index.add(antecedent[1], token.idx, token.idx + len(token))


def _pronoun_kind(token: Token) -> str | None:
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        return "person"
    if lower in GROUP_PRONOUNS:
        return "organization"
    return None


def resolve_demonyms(doc: Doc, index: MentionIndex, demonyms: dict[str, str], states: dict[str, Entity],
                     new_state) -> None:
    """Nationality words that name the state as an actor join (or create) the state's entity."""
    for ent in doc.ents:
        if ent.label_ != "NORP" or index.covers(ent.start, ent.end):
            continue
        state_id = demonyms.get(ent.text.strip())
        if state_id is None or not _acts(ent.root):
            continue
        entity = states.get(state_id) or new_state(state_id)
        states[state_id] = entity
        index.add(entity, ent.start_char, ent.end_char)


def _acts(root: Token) -> bool:
    if root.tag_ in ("NNPS", "NNS") and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
        return True  # "the Iranians"
    return root.dep_ in ("amod", "compound", "nmod") and root.head.lemma_.lower() in AGENTIVE_HEADS
