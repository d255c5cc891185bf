"""Stage `relations`: typed ties between entities, found in the dependency parse.

Families of evidence:
- verbs with their subjects and objects ("Hezbollah trained them", "respond directly to
  officers of the Quds Force", "take their orders from them", "killed by a US drone strike",
  "Hezbollah, which fought a war with Israel", "used chemical weapons against X", "killed in a raid
  by X", "fought for X", "served in X"); coordinated subjects of a fight, those fighting "alongside"
  them and those they "stand by" or "work with" to fight, are allies;
- descriptions and nouns of hostility, alliance, support and membership (`relation_nouns`);
- one inference: a successor takes over what the predecessor led.
This module also resolves who a token stands for: subjects and objects, relative pronouns,
possessives ("its/their" by the noun they hang from), people standing for their group.
Both ends must be actors (people, organisations, states); two places are never tied, two
states only by war, alliance or support.
Every relation keeps its evidence (the sentence) and the claims whose content holds it;
a later "they are genuinely separate" negates ties the previous sentence asserted.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import SYMMETRIC_RELATIONS, Entity, Extraction, Relation
from claimgraph.extract.relation_lexicon import (
    AGAINST_VERBS, COOPERATION_VERBS, HELP_VERBS, HOSTILE_NOUNS, HOSTILE_OBJECTS, ORDER_NOUNS, ORDER_VERBS,
    ORGANISATION_TARGETS, PERCEPTION_VERBS, PROXY_NOUNS, PURPOSE_PARTNERS, RELATIVE_PRONOUNS, REVERSED_PREP_VERBS,
    SEPARATION_WORDS, SERVICE_VERBS, STATE_TIES, SUPPORT_NOUNS, VERB_TYPES, first_of, is_negated, last_of, real_actor,
    unique, victims,
)
from claimgraph.extract.relation_nouns import NounRules


class Relations:
    name = "relations"

    def __call__(self, ex: Extraction) -> None:
        finder = _Finder(ex)
        for sent in ex.doc.sents:
            finder.sentence(sent)
        finder.infer_succession()
        finder.link_claims()
        ex.relations.extend(finder.relations.values())


class _Finder(NounRules):
    """Finds the ties of one document, sentence by sentence; the noun rules come from `NounRules`."""

    def __init__(self, ex: Extraction):
        self.ex = ex
        self.doc: Doc = ex.doc
        self.index = MentionIndex(ex)
        self.relations: dict[tuple, Relation] = {}
        self.last_person: Entity | None = None
        self.previous: list[Relation] = []  # relations of the previous sentence
        self._owning: set[int] = set()  # possessives being resolved: "their" can lead back to itself

    # -- per sentence -------------------------------------------------------------------------
    def sentence(self, sent: Span) -> None:
        found_before = set(self.relations)
        for token in sent:
            self._descriptions(token, sent)
            if token.pos_ in ("VERB", "AUX") or token.dep_ in ("ROOT", "relcl", "conj", "advcl", "xcomp"):
                self._verb(token, sent)
            self._noun_rules(token, sent)
        self._separation(sent)
        self.previous = [r for k, r in self.relations.items() if k not in found_before]
        self._remember_person(sent)

    def _remember_person(self, sent: Span) -> None:
        for token in sent:
            entity = self.index.entity_of(token.i)
            if entity is not None and entity.kind == "person":
                self.last_person = entity

    # -- verbs --------------------------------------------------------------------------------
    def _verb(self, verb: Token, sent: Span) -> None:
        lemma = verb.lemma_.lower()
        if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
            for member in self._arguments(verb)[0]:  # "known to take part in the Iraqi insurgency"
                for whole in self._prep_objects(verb, ("in",)):
                    self.add("member_of", member, whole, sent, negated=is_negated(verb))
            return
        if lemma in REVERSED_PREP_VERBS:  # "respond to X", "take orders from X": X commands them
            rel_type, preps = REVERSED_PREP_VERBS[lemma]
            subjects = self._arguments(verb)[0]
            for target in self._prep_objects(verb, preps, orders_only=lemma in ORDER_VERBS):
                for subject in subjects:
                    self.add(rel_type, target, subject, sent, negated=is_negated(verb))
            return
        if lemma in SERVICE_VERBS:
            self._service(verb, SERVICE_VERBS[lemma], sent)
        entry = VERB_TYPES.get(lemma)
        if entry is None:
            if lemma in AGAINST_VERBS or _hostile_object(verb):  # "used chemical weapons against X"
                self._hostilities(verb, self._prep_objects(verb, ("against",)), sent, direct=False)
            return
        rel_type, preps = entry
        if rel_type == "fights":
            self._hostilities(verb, self._prep_objects(verb, preps), sent)
            return
        if verb.dep_ == "amod":  # "Iran-backed Kataib Hezbollah", "US-trained forces"
            self._hyphenated_patron(verb, rel_type, sent)
            return
        subjects, objects = self._arguments(verb)
        if rel_type == "allied_with":  # "X allied with Y", "X is allied with Y", "X and Y allied"
            parties, others = subjects + objects, self._prep_objects(verb, preps)
            for i, one in enumerate(parties):
                for other in others or parties[i + 1:]:
                    self.add(rel_type, one, other, sent, negated=is_negated(verb))
            return
        objects += self._prep_objects(verb, preps)
        if lemma in COOPERATION_VERBS:  # "supported the re-taking by Iraqi forces": the nominal's agent
            objects += [a for c in verb.children if c.dep_ in ("dobj", "advcl") and not self._actors(c)
                        for a in self._agents(c)]
        for subject in subjects:
            for obj in objects:
                self.add(rel_type, subject, obj, sent, negated=is_negated(verb))
                if lemma in COOPERATION_VERBS and not victims(obj):  # not "supporting refugees"
                    self.add("allied_with", subject, obj, sent, negated=is_negated(verb))

    def _service(self, verb: Token, preps: tuple[str, ...], sent: Span) -> None:
        """"Omar, who fought for the Free Syrian Army", "served in the Republican Guard": a person
        (or a body of people, "fighters") belongs to the body they serve."""
        bodies = [a for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                  for o in c.children if o.dep_ == "pobj" for a in self._actors(o)]
        for member in self._arguments(verb)[0] if bodies else []:
            if member.kind == "person" or member.subkind == "collective":
                for body in bodies:
                    self.add("member_of", member, body, sent, negated=is_negated(verb))

    def _hyphenated_patron(self, participle: Token, rel_type: str, sent: Span) -> None:
        client = self.actor(participle.head)
        for child in participle.children:
            if child.dep_ in ("npadvmod", "compound", "nmod") and (patron := self.actor(child)) is not None:
                self.add(rel_type, patron, client, sent)
                if participle.lemma_.lower() in COOPERATION_VERBS and client is not None and not victims(client):
                    self.add("allied_with", patron, client, sent)

    def _hostilities(self, verb: Token, enemies: list[Entity], sent: Span, direct: bool = True) -> None:
        """Subjects of a verb of fighting fight its objects; coordinated subjects and those fighting
        "alongside" them are allies ("The UK, the Coalition and Iraq … defeat ISIL")."""
        subjects, objects = self._arguments(verb)
        wholes = self._wholes_acted_for(verb)  # fight beside their members, not allied to them
        objects = (objects if direct else []) + enemies
        partners = self._prep_objects(verb, ("alongside",)) + self._partners_in_purpose(verb)
        together = subjects if _joint_agents(verb) else subjects[:1]
        for i, one in enumerate(together):
            for other in together[i + 1:] + partners:
                self.add("allied_with", one, other, sent)
        negated = is_negated(verb)
        for subject in subjects + partners + wholes:
            for obj in objects:
                kind = "killed" if verb.lemma_.lower() in ("kill", "assassinate") and obj.kind == "person" else "fights"
                self.add(kind, subject, obj, sent, negated=negated)

    def _partners_in_purpose(self, verb: Token) -> list[Entity]:
        """"The UK stands by Iraq to defeat Daesh", "works with its partners to defeat ISIL": those
        the subject stands or works with share the fight its purpose clause names."""
        clause = verb.head
        if verb.dep_ not in ("xcomp", "advcl") or clause.lemma_.lower() not in PURPOSE_PARTNERS:
            return []
        return self._prep_objects(clause, PURPOSE_PARTNERS[clause.lemma_.lower()])

    def _wholes_acted_for(self, verb: Token) -> list[Entity]:
        """"the UK is working as part of the Global Coalition to defeat ISIL": the coalition acts too."""
        for clause in (verb, verb.head):
            for prep in clause.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    return [a for part in prep.children if part.dep_ == "pobj" and part.lower_ == "part"
                            for a in self._prep_actors(part, ("of",))]
        return []

    def _arguments(self, verb: Token) -> tuple[list[Entity], list[Entity]]:
        subjects, objects, own_subject, own_object = [], [], False, False
        for child in verb.children:
            if child.dep_ == "nsubj":
                own_subject = True
                subjects += self._argument(child, verb)
            elif child.dep_ in ("dobj", "nsubjpass"):
                own_subject |= child.dep_ == "nsubjpass"  # a passive names its own patient
                own_object = True
                objects += self._argument(child, verb)
            elif child.dep_ == "agent":
                subjects += [a for obj in child.children if obj.dep_ == "pobj" for a in self._agent(obj)]
        if not own_subject and _shared_passive(verb):  # "was captured and killed by X": the patient is shared
            agents, patients = self._arguments(verb.head)
            subjects, objects, own_subject, own_object = subjects or agents, objects + patients, True, True
        elif not subjects and not own_subject:
            subjects = self._inherited_subjects(verb)
        if not subjects and own_subject and _passive(verb):
            subjects = self._passive_agents(verb)
        if not own_object:
            objects += self._shared_object(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the Federal Government, led by X"
            objects += self._actors(verb.head)
        return subjects, objects

    def _passive_agents(self, verb: Token) -> list[Entity]:
        """A passive without an agent of its own: that of the participle it shares its patient with
        ("captured and killed by X"), else those who carried out the act of war it happened in
        ("killed in a 2008 raid by US Special Operations", "in a raid conducted by the U.S. military")."""
        found = []
        for clause in (verb, *verb.conjuncts):
            for prep in clause.children:
                if prep.dep_ == "agent" and clause is not verb and _shared_passive(clause):
                    found += [a for o in prep.children if o.dep_ == "pobj" for a in self._agent(o)]
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                    continue
                for act in prep.children:
                    if act.dep_ == "pobj" and act.lemma_.lower() in HOSTILE_NOUNS:
                        found += self._doers(act) + [a for acl in act.children if acl.dep_ == "acl"
                                                     for a in self._doers(acl)]
        return unique(found)

    def _doers(self, token: Token) -> list[Entity]:
        """"a raid by US Special Operations", "conducted by the U.S. military": the actors after "by"."""
        return [a for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                for o in c.children if o.dep_ == "pobj" for a in self._agent(o)]

    def _argument(self, token: Token, verb: Token) -> list[Entity]:
        """The actors of a subject or object; "which/who/that" of a relative clause stand for its head."""
        if token.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return self._actors(verb.head)
        return self._actors(token) + [a for c in token.children if c.dep_ == "prep" and c.lower_ == "including"
                                      for o in c.children if o.dep_ == "pobj" for a in self._actors(o)]

    def _shared_object(self, verb: Token) -> list[Entity]:
        """"kill and injure civilians": the object of the next conjoined verb."""
        for conj in verb.conjuncts:
            if conj.i > verb.i and conj.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in conj.children):
                found = [a for c in conj.children if c.dep_ == "dobj" for a in self._argument(c, conj)]
                if found:
                    return found
        return []

    def _inherited_subjects(self, verb: Token) -> list[Entity]:
        """The subject a verb shares with the clause above it: "were trained … and respond",
        "stands by Iraq to defeat Daesh", "is committed to defeating", "the IRGC, which controls",
        "forces focused on defeating ISIL", "its efforts to defeat ISIL"."""
        token = verb
        for _ in range(4):
            if token.dep_ == "relcl":
                return self._actors(token.head)
            if token.dep_ == "acl":
                owners = [a for c in token.head.children if c.dep_ == "poss" for a in self._owners(c)]
                if not owners and token.head.dep_ == "attr":  # "X is a group known to take part in …"
                    return self._clause_subjects(token.head)
                return owners or self._actors(token.head)
            if token.dep_ not in ("conj", "xcomp", "pcomp", "prep", "advcl", "acomp", "ccomp") or token.head == token:
                return []
            token = token.head
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:  # a clause with a subject of its own, actor or not ("all communities must …")
                return [a for c in subjects for a in self._argument(c, token)]
        return []

    def _agent(self, token: Token) -> list[Entity]:
        """"killed by a strike American drone missile": the actor named inside the agent phrase."""
        direct = self._actors(token)
        if direct:
            return direct
        return unique(e for t in token.subtree if (e := self.index.entity_of(t.i)) and real_actor(e))

    def _agents(self, noun: Token) -> list[Entity]:
        """"the re-taking by Iraqi security forces": who does what a noun names."""
        return [a for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                for o in c.children if o.dep_ == "pobj" for a in self._actors(o)]

    def _prep_objects(self, verb: Token, preps: tuple[str, ...], orders_only: bool = False) -> list[Entity]:
        found = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in preps and not orders_only:
                found += [a for obj in child.children if obj.dep_ == "pobj" for a in self._argument(obj, verb)]
            elif child.dep_ == "dobj" and child.lemma_.lower() in ORDER_NOUNS:
                found += self._prep_objects(child, preps)  # "take their orders from them"
        return found

    def _actors(self, token: Token) -> list[Entity]:
        """The actor a noun stands for, and those of its conjuncts."""
        found = [a for a in (self.actor(token),) if a is not None]
        for conj in token.conjuncts:
            actor = self.actor(conj)
            if actor is not None:
                found.append(actor)
        for appos in token.children:  # "The UK, the wider Global Coalition and the Government of Iraq"
            if appos.dep_ == "appos" and any(c.dep_ == "conj" for c in appos.children):
                found += [a for t in (appos, *appos.conjuncts) if (a := self.index.entity_of(t.i)) and real_actor(a)]
        return unique(found)

    def actor(self, token: Token) -> Entity | None:
        """The entity a token names, or stands for ("officers of the Quds Force", "IRGC advisers")."""
        entity = self.index.entity_of(token.i)
        if entity is not None:
            return entity if real_actor(entity) else None
        if token.lemma_.lower() not in PROXY_NOUNS:
            return None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "to", "from", "with"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.actor(obj)
            if child.dep_ in ("compound", "poss", "amod"):
                found = self.index.entity_of(child.i)
                if found is not None and real_actor(found):
                    return found
                if child.dep_ == "poss" and child.lower_ in ("its", "their"):  # "their leaders answer to …"
                    return first_of(self._owners(child))
        return None

    def _owners(self, poss: Token, guess: bool = True) -> list[Entity]:
        """A possessive: a name; "its/their" for the noun they hang from ("the Iraqi people in their
        fight"), else the subject of their clause, else the nearest actor before them."""
        found = self.actor(poss)
        if found is not None:
            return [found]
        if poss.lower_ not in ("its", "their") or poss.i in self._owning:
            return []
        self._owning.add(poss.i)
        try:
            return self._pronoun_owners(poss, guess)
        finally:
            self._owning.discard(poss.i)

    def _pronoun_owners(self, poss: Token, guess: bool) -> list[Entity]:
        noun = poss.head
        held = self._holders(noun) or self._helped(noun)
        if not held and noun.dep_ not in ("nsubj", "nsubjpass"):
            held = self._clause_subjects(noun)
        if held or not guess:
            return held
        last = last_of(e for t in poss.doc[poss.sent.start:poss.i] if (e := self.index.entity_of(t.i))
                     and real_actor(e) and (e.kind != "person" or poss.lower_ == "their"))
        return [last] if last is not None else []

    def _helped(self, noun: Token) -> list[Entity]:
        """"supported the Iraqi Security Forces in its efforts": the helped party's efforts."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in HELP_VERBS:
            return []
        return [a for c in prep.head.children if c.dep_ == "dobj" for a in self._actors(c)]

    def _holders(self, noun: Token) -> list[Entity]:
        """"the Iraqi people in their fight", "support for Iraq in the fight": the noun phrase a
        prepositional noun hangs from."""
        if noun.dep_ != "pobj":
            return []
        holder = noun.head.head
        if holder.pos_ not in ("NOUN", "PROPN"):  # "reiterates support for Iraq in the fight"
            holder = first_of(c for c in holder.children if c.dep_ == "dobj" and c.lemma_.lower() in SUPPORT_NOUNS)
            if holder is None:
                return []
        return self._actors(holder) or self._prep_actors(holder, ("for", "of", "to"))

    def _prep_actors(self, token: Token, preps: tuple[str, ...]) -> list[Entity]:
        return [a for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                for o in c.children if o.dep_ == "pobj" for a in self._actors(o)]

    def _clause_subjects(self, token: Token) -> list[Entity]:
        head = token
        while head.dep_ != "ROOT" and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return [a for c in subjects for a in self._argument(c, head)]
        return self._inherited_subjects(head)

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
        if source is None or target is None or source is target or not (real_actor(source) and real_actor(target)):
            return
        if source.kind == target.kind == "place" and rel_type not in STATE_TIES or _same_name(source, target):
            return  # two states may fight or ally ("Russia and Iran"), not contain one another
        if rel_type in ORGANISATION_TARGETS and (target.kind == "person" or target.subkind == "collective"):
            return  # "joined US Secretary of State John Kerry and partners" is company, not membership
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


def _same_name(one: Entity, other: Entity) -> bool:
    """"Abu Ghadiya" and "Ghadiya": one person the coreference left split."""
    if one.kind != "person" or other.kind != "person":
        return False
    a, b = set(one.name.lower().split()), set(other.name.lower().split())
    return a <= b or b <= a


def _joint_agents(verb: Token) -> bool:
    """Coordinated subjects act together, unless they are alternatives ("by the Asad regime or
    Russia") or the patients of a participle ("saw 120 soldiers and a general killed")."""
    bare = not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    seen = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in PERCEPTION_VERBS
    if bare and (verb.tag_ == "VBN" or seen):
        return False
    return not any(t.lower_ in ("or", "nor", "either") for c in verb.children
                   if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _shared_passive(verb: Token) -> bool:
    """"He was targeted and killed": the second participle shares the first one's passive voice."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and _passive(verb.head) and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _hostile_object(verb: Token) -> bool:
    """"launched the long-awaited offensive": a verb whose object is an act of war."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in HOSTILE_OBJECTS for c in verb.children)
