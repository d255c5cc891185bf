"""Stage `relations`: typed ties between entities, found in the dependency parse.

Three families of evidence:
- descriptions in apposition or before a name ("Esmail Ghaani, the commander of the Quds
  Force"; "the Quds Force, the branch of its Revolutionary Guards"; "Kataib Hezbollah
  commander X"; "His successor, Esmail Ghaani");
- verbs with their subjects and objects ("Hezbollah trained them", "respond directly to
  officers of the Quds Force", "take their orders from them", "killed by a US drone strike");
- one inference: a successor takes over what the predecessor led.
Every relation keeps its evidence (the sentence) and the claims whose content holds it;
a later "they are genuinely separate" negates ties the previous sentence asserted.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import SYMMETRIC_RELATIONS, Entity, Extraction, Relation, is_actor
from claimgraph.extract.relation_lexicon import (
    HOSTILE_NOUNS, JUNIOR_WORDS, NEGATION_WORDS, PROXY_NOUNS, REVERSED_PREP_VERBS, ROLE_NOUNS, SEPARATION_WORDS, VERB_TYPES,
)

_is_actor = is_actor


class Relations:
    name = "relations"

    def __call__(self, ex: Extraction) -> None:
        finder = _Finder(ex)
        for sent in ex.doc.sents:
            finder.sentence(sent)
        finder.infer_succession()
        finder.link_claims()
        ex.relations.extend(finder.relations.values())


class _Finder:
    def __init__(self, ex: Extraction):
        self.ex = ex
        self.doc: Doc = ex.doc
        self.index = MentionIndex(ex)
        self.relations: dict[tuple, Relation] = {}
        self.last_person: Entity | None = None
        self.previous: list[Relation] = []  # relations of the previous sentence

    # -- per sentence -------------------------------------------------------------------------
    def sentence(self, sent: Span) -> None:
        found_before = set(self.relations)
        for token in sent:
            self._descriptions(token, sent)
            if token.pos_ in ("VERB", "AUX") or token.dep_ in ("ROOT", "relcl", "conj", "advcl", "xcomp"):
                self._verb(token, sent)
            if token.dep_ == "pobj" and token.head.lower_ == "as" and token.lemma_.lower() in ("front", "cover"):
                self._front(token, sent)
            if token.pos_ == "NOUN" and token.lemma_.lower() in HOSTILE_NOUNS:
                self._hostile_noun(token, sent)
            if token.lower_ == "part" and token.head.lower_ == "as" or token.lower_ in ("including",):
                self._membership(token, sent)
        self._separation(sent)
        self.previous = [r for k, r in self.relations.items() if k not in found_before]
        self._remember_person(sent)

    def _remember_person(self, sent: Span) -> None:
        for token in sent:
            entity = self.index.entity_of(token.i)
            if entity is not None and entity.kind == "person":
                self.last_person = entity

    def _descriptions(self, token: Token, sent: Span) -> None:
        if token.dep_ == "appos":
            self._appos(token.head, token, sent)
        if token.dep_ == "compound" and token.lemma_.lower() in ROLE_NOUNS:
            self._title(token, sent)

    def _appos(self, name: Token, description: Token, sent: Span) -> None:
        """"A, the <role> of B" and "<role> of B, A" in either order."""
        for named, described in ((name, description), (description, name)):
            subject = self.index.entity_of(named.i)
            role = described.lemma_.lower()
            if subject is None or role not in ROLE_NOUNS:
                continue
            target = self._role_object(described)
            if target in (None, subject) and role in ("successor", "predecessor"):
                target = self._possessor(described)
            if target is not None:
                self._add_role(role, subject, target, described, sent)

    def _title(self, role_token: Token, sent: Span) -> None:
        """"Kataib Hezbollah commander Abu Fadak": a role word between an organisation and a name."""
        person = self.index.entity_of(role_token.head.i)
        org = _first(self.index.entity_of(t.i) for t in role_token.subtree if t.i != role_token.i)
        if org is None:  # "Force leader Quds Qassem Soleimani": the role word inside the name's span
            org = self.index.entity_of(role_token.i)
        if person is not None and org is not None and person.kind == "person" and org is not person:
            self._add_role(role_token.lemma_.lower(), person, org, role_token, sent)

    def _role_object(self, role: Token) -> Entity | None:
        for prep in role.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "in", "at", "to"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return self.actor(obj)
        for child in role.children:
            if child.dep_ in ("poss", "compound"):
                found = self.actor(child)
                if found is not None:
                    return found
        return None

    def _possessor(self, role: Token) -> Entity | None:
        """"His successor": his -> the last person named before."""
        for child in role.children:
            if child.dep_ == "poss" and child.lower_ in ("his", "her") and self.last_person is not None:
                return self.last_person
        return None

    def _add_role(self, role: str, subject: Entity, target: Entity, trigger: Token, sent: Span) -> None:
        rel_type, reverse = ROLE_NOUNS[role]
        if rel_type == "leads" and (_indefinite(trigger) or _junior(trigger)):
            rel_type = "member_of"  # "a commander of X", "X's deputy director": one of its people
        if reverse:
            subject, target = target, subject
        self.add(rel_type, subject, target, sent, negated=_negated(trigger))

    # -- verbs --------------------------------------------------------------------------------
    def _verb(self, verb: Token, sent: Span) -> None:
        lemma = verb.lemma_.lower()
        subjects, objects = self._arguments(verb)
        if lemma in REVERSED_PREP_VERBS:  # "respond to X", "take orders from X": X commands them
            rel_type, preps = REVERSED_PREP_VERBS[lemma]
            for target in self._prep_objects(verb, preps):
                for subject in subjects:
                    self.add(rel_type, target, subject, sent, negated=_negated(verb))
            return
        entry = VERB_TYPES.get(lemma)
        if entry is None:
            return
        rel_type, preps = entry
        objects += self._prep_objects(verb, preps)
        if rel_type == "fights" and objects:
            for i, one in enumerate(subjects):  # "The UK, the Coalition and Iraq … defeat ISIL"
                for other in subjects[i + 1:]:
                    self.add("allied_with", one, other, sent)
        for subject in subjects:
            for obj in objects:
                kind = "killed" if rel_type == "fights" and lemma in ("kill", "assassinate") else rel_type
                if kind == "killed" and obj.kind != "person":
                    kind = "fights"
                self.add(kind, subject, obj, sent, negated=_negated(verb))

    def _arguments(self, verb: Token) -> tuple[list[Entity], list[Entity]]:
        subjects, objects = [], []
        for child in verb.children:
            if child.dep_ in ("nsubj",):
                subjects += self._actors(child)
            elif child.dep_ in ("dobj", "nsubjpass"):
                objects += self._actors(child)
            elif child.dep_ == "agent":
                subjects += [a for obj in child.children if obj.dep_ == "pobj" for a in self._agent(obj)]
        if not subjects:
            subjects = self._inherited_subjects(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the Federal Government, led by X"
            objects += self._actors(verb.head)
        return subjects, objects

    def _inherited_subjects(self, verb: Token) -> list[Entity]:
        """The subject a verb shares with the clause above it: "were trained … and respond",
        "stands by Iraq to defeat Daesh", "is committed to defeating", "the IRGC, which controls"."""
        token = verb
        for _ in range(4):
            if token.dep_ == "relcl":
                return self._actors(token.head)
            if token.dep_ not in ("conj", "xcomp", "pcomp", "prep", "advcl", "acomp", "ccomp") or token.head is token:
                return []
            token = token.head
            found = [a for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for a in self._actors(c)]
            if found:
                return found
        return []

    def _agent(self, token: Token) -> list[Entity]:
        """"killed by a strike American drone missile": the actor named inside the agent phrase."""
        direct = self._actors(token)
        if direct:
            return direct
        return _unique(e for t in token.subtree if (e := self.index.entity_of(t.i)) and _is_actor(e))

    def _prep_objects(self, verb: Token, preps: tuple[str, ...]) -> list[Entity]:
        found = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found += [a for obj in child.children if obj.dep_ == "pobj" for a in self._actors(obj)]
            elif child.dep_ == "dobj" and child.lemma_.lower() in ("order", "orders", "instruction"):
                found += self._prep_objects(child, preps)  # "take their orders from them"
        return found

    def _actors(self, token: Token) -> list[Entity]:
        """The actor a noun stands for, and those of its conjuncts."""
        found = [a for a in (self.actor(token),) if a is not None]
        for conj in token.conjuncts:
            actor = self.actor(conj)
            if actor is not None:
                found.append(actor)
        return _unique(found)

    def actor(self, token: Token) -> Entity | None:
        """The entity a token names, or stands for ("officers of the Quds Force", "IRGC advisers")."""
        entity = self.index.entity_of(token.i)
        if entity is not None:
            return entity if _is_actor(entity) else None
        if token.lemma_.lower() not in PROXY_NOUNS:
            return None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "to", "from", "with"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.actor(obj)
            if child.dep_ in ("compound", "poss", "amod"):
                found = self.index.entity_of(child.i)
                if found is not None and _is_actor(found):
                    return found
        return None

    def _front(self, token: Token, sent: Span) -> None:
        """"referred to these new groups as fronts for Kataib Hezbollah"."""
        verb = token.head.head
        covers = [a for child in verb.children if child.dep_ in ("dobj", "prep")
                  for a in (self._actors(child) if child.dep_ == "dobj" else
                            [x for o in child.children if o.dep_ == "pobj" for x in self._actors(o)])]
        reals = [a for child in token.children if child.dep_ == "prep" and child.lower_ in ("for", "of")
                 for o in child.children if o.dep_ == "pobj" for a in self._actors(o)]
        for cover in covers:
            for real in reals:
                self.add("front_for", cover, real, sent, negated=_negated(verb))

    def _hostile_noun(self, noun: Token, sent: Span) -> None:
        """"in their fight against ISIL", "launched strikes against ISIL": the owner fights the object."""
        enemies = [a for child in noun.children if child.dep_ == "prep" and child.lower_ in ("against", "with", "on")
                   for o in child.children if o.dep_ == "pobj" for a in self._actors(o)]
        if not enemies:
            return
        owners = [a for c in noun.children if c.dep_ == "poss" and (a := self._owner(c))]
        if not owners:
            owners = self._inherited_subjects(noun) or self._clause_subjects(noun)
        for owner in owners:
            for enemy in enemies:
                self.add("fights", owner, enemy, sent, negated=_negated(noun))

    def _owner(self, token: Token) -> Entity | None:
        """A possessive: a name, or "its/their" for the nearest group before it."""
        found = self.actor(token)
        if found is None and token.lower_ in ("its", "their"):
            found = _last(e for t in token.doc[token.sent.start:token.i]
                          if (e := self.index.entity_of(t.i)) and e.kind == "organization")
        return found

    def _clause_subjects(self, token: Token) -> list[Entity]:
        head = token
        while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        return [a for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for a in self._actors(c)]

    def _membership(self, token: Token, sent: Span) -> None:
        """"the UK, as part of the Global Coalition"; "the international community, including Russia"."""
        if token.lower_ == "part":
            wholes = [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj" for a in self._actors(o)]
            members = self._inherited_subjects(token.head) or self._clause_subjects(token.head)
        else:
            members = [a for o in token.children if o.dep_ == "pobj" for a in self._actors(o)]
            # "civilians, including children" lists examples, not members of a body
            wholes = [a for a in (self.actor(token.head),) if a is not None and a.subkind != "collective"]
        for member in members:
            for whole in wholes:
                self.add("member_of", member, whole, sent)

    # -- negation by a later sentence ----------------------------------------------------------
    def _separation(self, sent: Span) -> None:
        """"But Iraqi sources said they are genuinely separate": the ties just stated are denied."""
        if not any(t.lower_ in SEPARATION_WORDS for t in sent):
            return
        subjects = {id(e) for t in sent if t.dep_ in ("nsubj", "nsubjpass") and (e := self.actor(t))}
        for rel in list(self.previous):
            source = self.ex.entity(rel.source)
            if rel.type in ("front_for", "part_of", "member_of", "commands") and id(source) in subjects:
                self.add(rel.type, source, self.ex.entity(rel.target), sent, negated=True)

    # -- inference and claims --------------------------------------------------------------------
    def infer_succession(self) -> None:
        """A successor leads what the predecessor led (stated in the same report)."""
        for rel in list(self.relations.values()):
            if rel.type != "succeeded" or rel.negated:
                continue
            for led in list(self.relations.values()):
                if led.type in ("leads", "commands") and led.source == rel.target and not led.negated:
                    self._store(Relation("leads", rel.source, led.target, evidence=rel.evidence + led.evidence))

    def link_claims(self) -> None:
        for rel in self.relations.values():
            rel.claims = [c.id for c in self.ex.claims
                          if any(c.content[0] <= s and e <= c.content[1] + 1 for s, e in rel.evidence)]

    def add(self, rel_type: str, source: Entity | None, target: Entity | None, sent: Span,
            negated: bool = False) -> None:
        if source is None or target is None or source is target:
            return
        if source.kind == "place" and target.kind == "place":
            return
        self._store(Relation(rel_type, source.id, target.id, evidence=[(sent.start_char, sent.end_char)],
                             negated=negated))

    def _store(self, rel: Relation) -> None:
        ends = (rel.source, rel.target)
        if rel.type in SYMMETRIC_RELATIONS:
            ends = tuple(sorted(ends))
        key = (rel.type, *ends, rel.negated)
        if key in self.relations:
            known = self.relations[key]
            known.evidence += [e for e in rel.evidence if e not in known.evidence]
        else:
            rel.source, rel.target = ends if rel.type in SYMMETRIC_RELATIONS else (rel.source, rel.target)
            self.relations[key] = rel


def _negated(token: Token) -> bool:
    return any(child.dep_ == "neg" or child.lower_ in NEGATION_WORDS for child in token.children)


def _junior(token: Token) -> bool:
    return any(t.lower_ in JUNIOR_WORDS for t in token.lefts) or any(
        t.lower_ in JUNIOR_WORDS for t in token.doc[max(token.i - 3, 0):token.i])


def _indefinite(token: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in ("a", "an", "one") for child in token.children)


def _last(items):
    found = None
    for item in items:
        found = item
    return found


def _first(items):
    return next((item for item in items if item is not None), None)


def _unique(items) -> list[Entity]:
    seen, out = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out
