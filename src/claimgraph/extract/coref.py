"""Resolution inside a document: appositions ("His successor, Esmail Ghaani"), pronouns
that the preceding text makes clear, and nationality words where the state acts
("the Iranians", "an American drone strike"). Nationality adjectives alone are not actors."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import Entity, is_actor

PERSON_PRONOUNS = {"he", "him", "she", "her", "i", "me", "my", "myself", "himself", "herself"}
GROUP_PRONOUNS = {"we", "us", "they", "them", "ourselves", "themselves"}
# A nationality word that modifies one of these makes the state the actor.
AGENTIVE_HEADS = {
    "strike", "airstrike", "drone", "missile", "raid", "bombing", "bombardment", "attack",
    "warplane", "jet", "aircraft", "air", "shelling", "operation", "offensive", "invasion",
}
LOOKBACK_SENTENCES = 3
PLURAL_PRONOUNS = {"they", "them", "themselves"}
FIRST_PERSON_PLURAL = {"we", "us", "ourselves"}
FIRST_PERSON_SINGULAR = {"i", "me", "my", "myself"}
SPEAKING_BODIES = {"state", "government", "ministry", "international", "coalition"}


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
    if not is_actor(entity) or head.pos_ not in ("NOUN", "PROPN"):
        return
    left = min((t.i for t in head.lefts if t.dep_ in ("det", "poss", "amod", "compound")), default=head.i)
    span = doc[left:head.i + 1]
    if not index.covers(span.start, span.end):
        index.add(entity, span.start_char, span.end_char)


GROUP_HEADS = {"group", "organisation", "organization", "movement", "militia", "faction", "outfit"}
ARMED_SUBKINDS = {"armed_group", "militia_alliance", "political_party"}
DESCRIPTION_LOOKBACK = 4


def resolve_descriptions(doc: Doc, index: MentionIndex) -> None:
    """Definite descriptions that repeat a name's head noun ("the regime" after "the Assad
    regime", "the coalition" after "the Global Coalition"), or that name an armed group's
    kind ("the group", "the militia") join the most recent fitting organisation."""
    recent: list[tuple[int, Entity, set[str]]] = []
    sentence_of = {sent.start: n for n, sent in enumerate(doc.sents)}
    for chunk in doc.noun_chunks:  # once over the document: Span.noun_chunks rescans it per sentence
        sent_no = sentence_of.get(chunk.sent.start, 0)
        entity = index.entity_of(chunk.root.i)
        if entity is not None:
            if entity.kind == "organization" or entity.subkind == "state":
                recent.append((sent_no, entity, {t.lemma_.lower() for t in chunk if t.pos_ in ("NOUN", "PROPN")}))
            continue
        target = _description_target(chunk, recent, sent_no)
        if target is not None:
            span = chunk[1:] if chunk[0].lower_ == "the" else chunk
            index.add(target, span.start_char, span.end_char)


def _description_target(chunk, recent: list, sent_no: int) -> Entity | None:
    words = [t for t in chunk if not t.is_punct]
    if len(words) != 2 or words[0].lower_ not in ("the", "this", "that") or words[1].tag_ != "NN":
        return None
    head = words[1].lemma_.lower()
    for seen_no, entity, nouns in reversed(recent):
        if sent_no - seen_no > DESCRIPTION_LOOKBACK:
            return None
        if head in nouns or head in GROUP_HEADS and entity.subkind in ARMED_SUBKINDS:
            return entity
    return None


def resolve_pronouns(doc: Doc, index: MentionIndex) -> None:
    """Personal pronouns join the nearest fitting antecedent: a subject pronoun prefers the
    last entity that was a subject; an object pronoun never takes its own clause's subject
    ("Hezbollah trained them": them is not Hezbollah)."""
    recent: dict[str, list[tuple[int, Entity, bool]]] = {"person": [], "organization": []}
    for sent_no, sent in enumerate(doc.sents):
        for token in sent:
            entity = index.entity_of(token.i)
            role = "organization" if entity is not None and entity.subkind == "state" else entity and entity.kind
            if role in recent:
                recent[role].append((sent_no, entity, token.dep_ in SUBJECTS))
                continue
            wanted = _pronoun_kind(token) if token.tag_ == "PRP" or token.lower_ == "my" else None
            if wanted is None:
                continue
            antecedent = _antecedent(token, recent[wanted], sent_no, index)
            if antecedent is not None:
                index.add(antecedent, token.idx, token.idx + len(token))
                recent[wanted].append((sent_no, antecedent, token.dep_ in SUBJECTS))


SUBJECTS = ("nsubj", "nsubjpass")


def _antecedent(token: Token, candidates: list, sent_no: int, index: MentionIndex) -> Entity | None:
    if token.lower_ in FIRST_PERSON_SINGULAR:  # "X said: 'I …'": the speaker named before
        return candidates[-1][1] if candidates else None
    in_reach = [(s, e, subj) for s, e, subj in candidates if sent_no - s <= LOOKBACK_SENTENCES]
    if token.lower_ in PLURAL_PRONOUNS:  # a state is "it", not "they"
        in_reach = [c for c in in_reach if c[1].subkind != "state"]
    if token.lower_ in FIRST_PERSON_PLURAL:  # "we" speaks for a government or an alliance, if anyone
        in_reach = [c for c in in_reach if c[1].subkind in SPEAKING_BODIES]
    if not in_reach:
        return None
    if token.dep_ in SUBJECTS:
        subjects = [e for s, e, subj in in_reach if subj]
        return subjects[-1] if subjects else in_reach[-1][1]
    clause_subjects = {id(index.entity_of(c.i)) for c in _clause_verb(token).children if c.dep_ in SUBJECTS}
    clause_subjects |= {id(_proxy_entity(c, index)) for c in _clause_verb(token).children if c.dep_ in SUBJECTS}
    others = [e for _, e, _ in in_reach if id(e) not in clause_subjects]
    return others[-1] if others else None


def _clause_verb(token: Token) -> Token:
    head = token.head
    while head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    return head


def _proxy_entity(token: Token, index: MentionIndex) -> Entity | None:
    """The group a subject noun stands for ("advisers to the IRGC")."""
    for t in token.subtree:
        entity = index.entity_of(t.i)
        if entity is not None:
            return entity
    return None


def _pronoun_kind(token: Token) -> str | None:
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        return "person"
    if lower in GROUP_PRONOUNS:
        return "organization"
    return None


def resolve_demonyms(doc: Doc, index: MentionIndex, demonyms: dict[str, str], states: dict[str, Entity],
                     new_state) -> None:
    """Nationality words that name the state as an actor join (or create) the state's entity;
    a people named by nationality ("Syrians", "all Iraqis", "700,000 Syrians") is a collective
    of its own, while "the Iranians" is the state acting."""
    peoples: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ != "NORP" or index.covers(ent.start, ent.end):
            continue
        word = ent.text.strip()
        state_id = demonyms.get(word)
        if state_id is None:
            continue
        if _is_people(ent.root):
            entity = peoples.get(word) or index.new_entity(kind="organization", name=word, subkind="collective",
                                                           provisional=True)
            peoples[word] = entity
        elif _acts(ent.root):
            entity = states.get(state_id) or new_state(state_id)
            states[state_id] = entity
        else:
            continue
        index.add(entity, ent.start_char, ent.end_char)


def _is_people(root: Token) -> bool:
    return root.tag_ in ("NNPS", "NNS") and root.dep_ not in ("amod", "compound") \
        and not any(c.dep_ == "det" and c.lower_ == "the" for c in root.children)


def _acts(root: Token) -> bool:
    if root.tag_ in ("NNPS", "NNS") and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
        return True  # "the Iranians"
    if root.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = root.head  # "an American drone strike", "American armor": the state's strike, its weapon
    return head.lemma_.lower() in AGENTIVE_HEADS or head.ent_type_ == "WEAPON"
