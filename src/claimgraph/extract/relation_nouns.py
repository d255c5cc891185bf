"""Ties that nouns state, for the relations stage: descriptions and nouns of war, alliance, membership.

- descriptions in apposition, before a name or as a predicate ("Esmail Ghaani, the commander of
  the Quds Force"; "Kataib Hezbollah commander X"; "His successor, Esmail Ghaani"; "X was the
  leader of Y"; "Prime Minister Abadi and his government");
- nouns of hostility, alliance and support with their owners ("the Iraqi people in their fight
  against ISIL", "forces and their Hezbollah allies", "UK support for Iraq"), fronts ("as a front
  for X"), help ("with the aid of X") and membership ("70 members of the tribe", "as part of the
  Coalition", "including Russia").

`NounRules` is mixed into the relations finder (`relations._Finder`), which supplies who a token
stands for (`actor`, `_actors`, `_argument`, `_arguments`, `_owners`, `_holders`, `_prep_actors`,
`_inherited_subjects`, `_clause_subjects`), the last person named (`last_person`), the mention
index (`index`) and `add`. This module imports nothing from `relations`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.model import Entity
from claimgraph.extract.relation_lexicon import (
    AID_NOUNS, ALLY_NOUNS, HOSTILE_NOUNS, LEADING_ROLES, LED_BODIES, MEMBER_NOUNS, ROLE_NOUNS, SUPPORT_NOUNS,
    VICTIM_NOUNS, first_of, indefinite, is_negated, junior, last_of, real_actor, unique,
)


class NounRules:
    """The noun-based rules of the relations finder (a mixin: see the module docstring)."""

    def _noun_rules(self, token: Token, sent: Span) -> None:
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
        if token.lemma_.lower() in AID_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "with":
            self._aided(token, sent)

    # -- descriptions and roles ---------------------------------------------------------------
    def _descriptions(self, token: Token, sent: Span) -> None:
        if token.dep_ == "appos":
            self._appos(token.head, token, sent)
        elif token.lemma_.lower() in ROLE_NOUNS and token.pos_ == "NOUN":
            if token.dep_ == "compound":
                self._title(token, sent)
            elif token.dep_ in ("attr", "oprd") or _as_role(token):
                self._predicate(token, sent)
        if token.dep_ == "poss" and token.lower_ in ("his", "her") and token.head.lemma_.lower() in LED_BODIES:
            self._his_body(token, sent)

    def _predicate(self, role: Token, sent: Span) -> None:
        """"Qanbar was a commander in the navy"; "described as a leader of an extremist group";
        "appointed as the commander for the Baghdad Operational Command"; "appointed Abu Ghadiya the
        lead commander for AQI's logistics" (the object holds the post)."""
        verb = role.head if role.dep_ in ("attr", "oprd") else role.head.head
        deps = ("dobj", "nsubjpass") if role.dep_ == "oprd" else ("nsubj", "nsubjpass")
        subjects = [c for c in verb.children if c.dep_ in deps]
        holders = [a for c in subjects for a in self._argument(c, verb)] if subjects else self._inherited_subjects(verb)
        own = self.index.entity_of(role.i)  # "the Iraqi commander": a description the entities kept
        if not holders and own is not None and own.kind == "person":
            holders = [own]
        target = self._role_object(role)
        personal = ROLE_NOUNS[role.lemma_.lower()][0] in ("leads", "member_of")
        owner = self._unit_owner(role) if target is None and personal else None
        for holder in holders if target is not None or owner is not None else []:
            if owner is not None and holder.kind == "person":  # one of the owner's people
                self.add("member_of", holder, owner, sent, negated=is_negated(role))
            elif holder.kind == "person" or not personal:  # "ISIS is an offshoot of al-Qaeda"
                self._add_role(role.lemma_.lower(), holder, target, role, sent)

    def _unit_owner(self, role: Token) -> Entity | None:
        """"commander for AQI's logistics", "head of Hezbollah's media office": an unnamed unit of a
        named body; whoever holds the post is one of the body's people."""
        for prep in role.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "in", "at"):
                for unit in prep.children:
                    if unit.dep_ == "pobj" and self.index.entity_of(unit.i) is None:
                        owner = first_of(self.actor(c) for c in unit.children if c.dep_ == "poss")
                        return owner if owner is not None and owner.kind != "place" else None
        return None

    def _his_body(self, poss: Token, sent: Span) -> None:
        """"Prime Minister Abadi and his government": the person leads the body."""
        body = self.index.entity_of(poss.head.i)
        leader = first_of(self._actors(poss.head.head)) if poss.head.dep_ == "conj" else None
        if leader is None:
            leader = last_of(e for t in poss.doc[poss.sent.start:poss.i] if (e := self.index.entity_of(t.i))
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
        org = first_of(self.index.entity_of(t.i) for t in role_token.subtree if t.i != role_token.i)
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
        if rel_type == "leads" and (indefinite(trigger) and role not in LEADING_ROLES or junior(trigger)):
            rel_type = "member_of"  # "a commander of X", "X's deputy director": one of its people
        if reverse:
            subject, target = target, subject
        self.add(rel_type, subject, target, sent, negated=is_negated(trigger))

    # -- nouns of war, alliance, support and membership ----------------------------------------
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
                self.add("front_for", cover, real, sent, negated=is_negated(verb))

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
                self.add("fights", owner, enemy, sent, negated=is_negated(noun))

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
        for holder in unique(holders):
            for other in others:
                self.add("allied_with", holder, other, sent, negated=is_negated(noun))
                if supporting:
                    self.add("supports", holder, other, sent, negated=is_negated(noun))

    def _aided(self, noun: Token, sent: Span) -> None:
        """"captured by the 71st Battalion with the aid of intelligence officers": the helpers
        support, and ally with, those who act with their help."""
        helpers = self._prep_actors(noun, ("of", "from"))
        clause = noun.head.head
        helped = self._arguments(clause)[0] if clause.pos_ in ("VERB", "AUX") else self._actors(clause)
        for one in helped:
            for helper in helpers:
                self.add("allied_with", one, helper, sent, negated=is_negated(clause))
                self.add("supports", helper, one, sent, negated=is_negated(clause))

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
        if group is None or not real_actor(group):
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


def _as_role(token: Token) -> bool:
    """"described as a leader of", "appointed as the commander for" (not "as part of")."""
    return token.dep_ == "pobj" and token.head.lower_ == "as" and token.lower_ != "part"
