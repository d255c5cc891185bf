"""Stage `relations`: typed ties between entities, found in the dependency parse.

Three families of evidence:
- descriptions in apposition or before a name ("Esmail Ghaani, the commander of the Quds
  Force"; "the Quds Force, the branch of its Revolutionary Guards"; "Kataib Hezbollah
  commander X"; "His successor, Esmail Ghaani");
- verbs with their subjects and objects ("Hezbollah trained them", "respond directly to
  officers of the Quds Force", "take their orders from them", "killed by a US drone strike",
  "Hezbollah, which fought a war with Israel", "used chemical weapons against X");
  coordinated subjects of a fight, and those fighting "alongside" them, are allies;
- nouns of hostility, alliance and support with their owners ("the Iraqi people in their fight
  against ISIL", "forces and their Hezbollah allies", "UK support for Iraq") and predicates
  ("X was the leader of Y", "known to take part in Y");
- one inference: a successor takes over what the predecessor led.
Both ends must be actors (people, organisations, states); two places are never tied, two
states only by war, alliance or support.
Every relation keeps its evidence (the sentence) and the claims whose content holds it;
a later "they are genuinely separate" negates ties the previous sentence asserted.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.mentions import MentionIndex
from claimgraph.extract.model import SYMMETRIC_RELATIONS, Entity, Extraction, Relation, is_actor
from claimgraph.extract.relation_lexicon import (
    AGAINST_VERBS, ALLY_NOUNS, COOPERATION_VERBS, HELP_VERBS, HOSTILE_NOUNS, HOSTILE_OBJECTS, JUNIOR_WORDS, LED_BODIES,
    MEMBER_NOUNS, NEGATION_WORDS, ORDER_NOUNS, ORDER_VERBS, ORGANISATION_TARGETS, PERCEPTION_VERBS, PROXY_NOUNS,
    RELATIVE_PRONOUNS, REVERSED_PREP_VERBS, ROLE_NOUNS, SEPARATION_WORDS, STATE_TIES, SUPPORT_NOUNS, VERB_TYPES,
    VICTIM_NOUNS,
)

def _is_actor(entity: Entity) -> bool:
    """An actor, but not a named operation ("Operation Steel Curtain killed 139 insurgents")."""
    return is_actor(entity) and not entity.name.lower().startswith("operation ")


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
        self._owning: set[int] = set()  # possessives being resolved: "their" can lead back to itself

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
            if token.pos_ == "NOUN" and token.lemma_.lower() in ALLY_NOUNS | SUPPORT_NOUNS:
                self._ally_noun(token, sent)
            if token.dep_ == "amod" and token.lower_ == "allied":
                self._allied_conjunct(token, sent)
            if token.lemma_.lower() in MEMBER_NOUNS:
                self._members_of(token, sent)
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
        elif token.lemma_.lower() in ROLE_NOUNS and token.pos_ == "NOUN":
            if token.dep_ == "compound":
                self._title(token, sent)
            elif token.dep_ == "attr" or token.dep_ == "pobj" and token.head.lower_ == "as" and token.lower_ != "part":
                self._predicate(token, sent)
        if token.dep_ == "poss" and token.lower_ in ("his", "her") and token.head.lemma_.lower() in LED_BODIES:
            self._his_body(token, sent)

    def _predicate(self, role: Token, sent: Span) -> None:
        """"Qanbar was a commander in the navy"; "described as a leader of an extremist group";
        "appointed as the commander for the Baghdad Operational Command"."""
        verb = role.head if role.dep_ == "attr" else role.head.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        holders = [a for c in subjects for a in self._argument(c, verb)] if subjects else self._inherited_subjects(verb)
        own = self.index.entity_of(role.i)  # "the Iraqi commander": a description the entities kept
        if not holders and own is not None and own.kind == "person":
            holders = [own]
        target = self._role_object(role)
        personal = ROLE_NOUNS[role.lemma_.lower()][0] in ("leads", "member_of")
        for holder in holders if target is not None else []:
            if holder.kind == "person" or not personal:  # "ISIS is an offshoot of al-Qaeda"
                self._add_role(role.lemma_.lower(), holder, target, role, sent)

    def _his_body(self, poss: Token, sent: Span) -> None:
        """"Prime Minister Abadi and his government": the person leads the body."""
        body = self.index.entity_of(poss.head.i)
        leader = _first(self._actors(poss.head.head)) if poss.head.dep_ == "conj" else None
        if leader is None:
            leader = _last(e for t in poss.doc[poss.sent.start:poss.i] if (e := self.index.entity_of(t.i))
                           and e.kind == "person")
        if body is not None and leader is not None and leader.kind == "person":
            self.add("leads", leader, body, sent)

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
        self._appos_after_object(name, description, sent)

    def _appos_after_object(self, body: Token, name: Token, sent: Span) -> None:
        """"A spokesman for the UN High Commissioner, Rupert Colville": the name hangs from the
        body, the role noun sits above it."""
        role = body.head.head if body.dep_ == "pobj" and body.head.lower_ in ("of", "for") else None
        person, target = self.index.entity_of(name.i), self.actor(body)
        if role is None or role.lemma_.lower() not in ROLE_NOUNS or person is None or person.kind != "person":
            return
        if target is not None and target is not person and self.index.entity_of(role.i) in (None, person):
            self._add_role(role.lemma_.lower(), person, target, role, sent)

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
                        found = self.actor(obj)
                        # "Special Representative for Syria", "commander in Iraq": a post about a place
                        return found if prep.lower_ in ("of", "to") or found is None or found.kind != "place" else None
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
        if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
            for member in self._arguments(verb)[0]:  # "known to take part in the Iraqi insurgency"
                for whole in self._prep_objects(verb, ("in",)):
                    self.add("member_of", member, whole, sent, negated=_negated(verb))
            return
        if lemma in REVERSED_PREP_VERBS:  # "respond to X", "take orders from X": X commands them
            rel_type, preps = REVERSED_PREP_VERBS[lemma]
            subjects = self._arguments(verb)[0]
            for target in self._prep_objects(verb, preps, orders_only=lemma in ORDER_VERBS):
                for subject in subjects:
                    self.add(rel_type, target, subject, sent, negated=_negated(verb))
            return
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
                    self.add(rel_type, one, other, sent, negated=_negated(verb))
            return
        objects += self._prep_objects(verb, preps)
        if lemma in COOPERATION_VERBS:  # "supported the re-taking by Iraqi forces": the nominal's agent
            objects += [a for c in verb.children if c.dep_ in ("dobj", "advcl") and not self._actors(c)
                        for a in self._agents(c)]
        for subject in subjects:
            for obj in objects:
                self.add(rel_type, subject, obj, sent, negated=_negated(verb))
                if lemma in COOPERATION_VERBS and not _victims(obj):  # not "supporting refugees"
                    self.add("allied_with", subject, obj, sent, negated=_negated(verb))

    def _hyphenated_patron(self, participle: Token, rel_type: str, sent: Span) -> None:
        client = self.actor(participle.head)
        for child in participle.children:
            if child.dep_ in ("npadvmod", "compound", "nmod") and (patron := self.actor(child)) is not None:
                self.add(rel_type, patron, client, sent)
                if participle.lemma_.lower() in COOPERATION_VERBS and client is not None and not _victims(client):
                    self.add("allied_with", patron, client, sent)

    def _hostilities(self, verb: Token, enemies: list[Entity], sent: Span, direct: bool = True) -> None:
        """Subjects of a verb of fighting fight its objects; coordinated subjects and those fighting
        "alongside" them are allies ("The UK, the Coalition and Iraq … defeat ISIL")."""
        subjects, objects = self._arguments(verb)
        wholes = self._wholes_acted_for(verb)  # fight beside their members, not allied to them
        objects = (objects if direct else []) + enemies
        partners = self._prep_objects(verb, ("alongside",))
        together = subjects if _joint_agents(verb) else subjects[:1]
        for i, one in enumerate(together):
            for other in together[i + 1:] + partners:
                self.add("allied_with", one, other, sent)
        negated = _negated(verb)
        for subject in subjects + partners + wholes:
            for obj in objects:
                kind = "killed" if verb.lemma_.lower() in ("kill", "assassinate") and obj.kind == "person" else "fights"
                self.add(kind, subject, obj, sent, negated=negated)

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
        if not subjects and not own_subject:
            subjects = self._inherited_subjects(verb)
        if not own_object:
            objects += self._shared_object(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the Federal Government, led by X"
            objects += self._actors(verb.head)
        return subjects, objects

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
            if token.dep_ not in ("conj", "xcomp", "pcomp", "prep", "advcl", "acomp", "ccomp") or token.head is token:
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
        return _unique(e for t in token.subtree if (e := self.index.entity_of(t.i)) and _is_actor(e))

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
                found += [a for t in (appos, *appos.conjuncts) if (a := self.index.entity_of(t.i)) and _is_actor(a)]
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
                if child.dep_ == "poss" and child.lower_ in ("its", "their"):  # "their leaders answer to …"
                    return _first(self._owners(child))
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
        """"in their fight against ISIL", "launched strikes against ISIL", "which fought a war with
        Israel": the owner fights the object."""
        enemies = [a for child in noun.children if child.dep_ == "prep" and child.lower_ in ("against", "with", "on")
                   for o in child.children if o.dep_ == "pobj" for a in self._actors(o)]
        if not enemies:
            return
        owners = [a for c in noun.children if c.dep_ == "poss" for a in self._owners(c)]
        if not owners:
            owners = self._holders(noun) or self._inherited_subjects(noun) or self._clause_subjects(noun)
        for owner in owners:
            for enemy in enemies:
                self.add("fights", owner, enemy, sent, negated=_negated(noun))

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
        last = _last(e for t in poss.doc[poss.sent.start:poss.i] if (e := self.index.entity_of(t.i))
                     and _is_actor(e) and (e.kind != "person" or poss.lower_ == "their"))
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
            holder = _first(c for c in holder.children if c.dep_ == "dobj" and c.lemma_.lower() in SUPPORT_NOUNS)
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

    def _ally_noun(self, noun: Token, sent: Span) -> None:
        """"Syrian government forces and their Hezbollah allies"; "its support of the Government of
        Iraq", "UK support for Iraq": allies (and, for support, a supporter)."""
        supporting = noun.lemma_.lower() in SUPPORT_NOUNS
        if supporting:
            others = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "to")
                      for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() not in VICTIM_NOUNS
                      for a in self._actors(o)]
        else:
            others = [a for c in noun.children if c.dep_ in ("compound", "amod") and (a := self.actor(c))]
        own = self.index.entity_of(noun.i)  # "international partners" is one entity, not two
        others = [a for a in others if a is not own]
        if not others and not supporting and noun.dep_ == "conj" and own is not None and any(
                c.dep_ == "poss" for c in noun.children):
            others = [own]  # "government forces and their allies"
        if not others:
            return
        holders = [a for c in noun.children if c.dep_ in ("compound", "amod") and (a := self.actor(c))
                   and supporting]
        holders += [a for c in noun.children if c.dep_ == "poss" for a in self._owners(c, guess=not supporting)]
        if not supporting and noun.dep_ == "conj":
            holders += self._actors(noun.head)
        for holder in _unique(holders):
            for other in others:
                self.add("allied_with", holder, other, sent, negated=_negated(noun))
                if supporting:
                    self.add("supports", holder, other, sent, negated=_negated(noun))

    def _allied_conjunct(self, allied: Token, sent: Span) -> None:
        """"Iraqi security forces and allied Shia paramilitary groups"."""
        noun = allied.head
        ally = self.actor(noun)
        if noun.dep_ == "conj" and ally is not None:
            for other in self._actors(noun.head):
                self.add("allied_with", other, ally, sent)

    def _members_of(self, token: Token, sent: Span) -> None:
        """"70 members of the Al Bu Nimr tribe", "students of Westminster University": a named group
        of people belongs to the body after "of"."""
        group = self.index.entity_of(token.i)
        if group is None or not _is_actor(group):
            return
        for whole in self._prep_actors(token, ("of", "from")):
            self.add("member_of", group, whole, sent)

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
        if source is None or target is None or source is target or not (_is_actor(source) and _is_actor(target)):
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


def _victims(entity: Entity) -> bool:
    """People helped, not a side helped: "refugees", "civilians", "children"."""
    if entity.subkind != "collective" or not entity.name:
        return False
    word = entity.name.lower().split()[-1]
    return word in VICTIM_NOUNS or word.rstrip("s") in VICTIM_NOUNS


def _joint_agents(verb: Token) -> bool:
    """Coordinated subjects act together, unless they are alternatives ("by the Asad regime or
    Russia") or the patients of a participle ("saw 120 soldiers and a general killed")."""
    bare = not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    seen = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in PERCEPTION_VERBS
    if bare and (verb.tag_ == "VBN" or seen):
        return False
    return not any(t.lower_ in ("or", "nor", "either") for c in verb.children
                   if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree)


def _hostile_object(verb: Token) -> bool:
    """"launched the long-awaited offensive": a verb whose object is an act of war."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in HOSTILE_OBJECTS for c in verb.children)


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
