"""Event arguments from the parse: perpetrators, targets and victims, weapons, place.

Each argument is an entity id. An argument with no entity ("civilians", "gunmen",
"protesters") becomes a provisional entity named by its noun phrase, so that nobody the text
names as a victim or perpetrator is dropped. A weapon word with no weapon entity ("car bomb",
or one a verb implies: "shot dead" -> firearm) becomes a weapon entity from the weapons lexicon.
"""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Span, Token

from claimgraph.extract.casualties import NOT_COUNTS, PERSON_NOUNS
from claimgraph.extract.event_types import Actors
from claimgraph.extract.model import Entity, Extraction
from claimgraph.extract.triggers import NOUNS

STATE_WORDS = {
    "army", "troops", "troop", "soldier", "military", "police", "policeman", "policemen", "government",
    "security", "gendarme", "gendarmerie", "navy", "marine", "coalition", "officer", "authority",
    "regime", "commando", "forces", "force", "personnel", "guard", "guardsmen", "authorities", "ministry",
    "patrol", "convoy", "checkpoint", "battalion", "brigade", "unit", "jawan", "jawans", "cop", "cops",
    "base", "bases", "position", "positions", "headquarters", "headquarter", "post", "barracks", "outpost",
    "peacekeeper", "peacekeepers", "amisom", "garrison", "trooper", "troopers",
}
ARMED_WORDS = {
    "militant", "rebel", "insurgent", "fighter", "gunman", "gunmen", "jihadist", "terrorist", "militia",
    "militiaman", "militiamen", "extremist", "separatist", "guerrilla", "bandit", "attacker", "assailant",
    "taliban", "shabaab", "shabab", "isis", "isil", "daesh", "houthi", "huthi", "houthis", "huthis",
    "hezbollah", "qaeda", "maoist", "naxal", "naxals", "maoists", "bomber", "kidnapper", "pirate",
    "jihadi", "mujahideen", "tribesmen", "gang", "group", "groups", "faction", "factions", "cadre",
}
CIVIL_WORDS = {
    "civilian", "people", "villager", "resident", "woman", "women", "child", "children", "worshipper",
    "student", "farmer", "passenger", "journalist", "worker", "shopper", "pilgrim", "family", "teacher",
    "doctor", "patient", "man", "men", "boy", "girl", "person", "citizen", "mourner", "refugee", "voter",
    "tourist", "trader", "hospital", "school", "market", "mosque", "church", "home", "house", "shrine",
    "wedding", "funeral", "procession", "bus", "village", "neighborhood", "neighbourhood", "cafe",
    "crowd", "worshippers", "community", "minority", "christian", "muslim", "shiite", "sunni", "aid",
}
PROTESTERS = {"protester", "demonstrator", "protestor", "rioter", "marcher", "demonstrators", "protesters"}
STATE_SUBKINDS = {"state_force", "government", "state", "military", "police"}
ARMED_SUBKINDS = {"armed_group", "militia", "terrorist_group", "rebel_group"}
GROUP_NOUNS = CIVIL_WORDS | ARMED_WORDS | PROTESTERS | PERSON_NOUNS | {
    "soldier", "troops", "policeman", "policemen", "officer", "official", "guard", "member", "leader",
    "commander", "recruit", "others", "pilgrims", "forces", "army", "police", "security", "personnel",
    "victim", "bodyguard", "guardsman", "guardsmen", "peacekeeper", "employee", "customer", "guest",
}
QUANTITY_HEADS = {"scores", "dozens", "hundreds", "thousands", "some", "many", "several", "most", "all", "none"}
FACILITIES = {"checkpoint", "base", "convoy", "patrol", "station", "embassy", "hotel", "mosque", "market",
              "school", "hospital", "church", "bus", "vehicle", "building", "office", "compound", "camp",
              "headquarters", "barracks", "outpost", "shrine", "consulate", "airport", "bank", "restaurant",
              "cafe", "bakery", "prison", "court", "ministry", "parliament", "university", "house", "home"}
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "on", "around", "throughout", "into", "within"}
UNDERGONE = {"die", "perish", "succumb"}  # casualty verbs whose subject is the victim
AIM_VERBS = {"target", "aim", "direct"}
HIT_PREPS = {"on", "against", "targeting", "upon"}
PLACE_HEADS = {"city", "town", "province", "district", "village", "area", "region", "neighborhood",
               "neighbourhood", "outskirts", "suburb", "governorate", "county", "state", "capital"}
LIGHT_VERBS = {"carry", "launch", "conduct", "stage", "mount", "claim", "commit", "perpetrate", "execute",
               "organize", "organise", "hold", "lead", "plan", "be", "behind", "order"}
# Words that name the weapon they were done with: lexicon id of the weapon.
IMPLIED_WEAPONS = {
    "shot": "firearm", "shoot": "firearm", "shooting": "firearm", "gunman": "firearm", "gunmen": "firearm",
    "gunfire": "firearm", "sniper": "firearm", "bombing": "bomb", "bomber": "bomb", "bombed": "bomb",
    "stab": "knife", "stabbing": "knife", "stabbed": "knife", "shelling": "artillery", "shelled": "artillery",
    "airstrike": "aircraft", "airstrikes": "aircraft", "blast": "bomb", "explosion": "bomb",
    "gunned": "firearm", "gunshot": "firearm", "gunshots": "firearm", "behead": "knife", "beheaded": "knife",
    "beheading": "knife",
}
# Nouns of affecting that take an event as subject or agent: "the explosion targeted a bakery",
# "the building was shattered by an explosion": their object is what the event hit.
AFFECT_VERBS = {"target", "hit", "strike", "destroy", "damage", "shatter", "rock", "tear", "rip", "wreck",
                "flatten", "gut", "level", "injure", "wound", "kill"}


class EntityIndex:
    """Token -> entity, built once per document (linear in mentions)."""

    def __init__(self, ex: Extraction):
        self.ex = ex
        self.by_token: dict[int, Entity] = {}
        self.provisional: dict[str, Entity] = {}
        for entity in ex.entities:
            for start, end in entity.mentions:
                self._cover(entity, start, end)

    def _cover(self, entity: Entity, start: int, end: int) -> None:
        span = self.ex.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        for token in span:
            current = self.by_token.get(token.i)
            if current is None or current.kind == "weapon" and entity.kind != "weapon":
                self.by_token[token.i] = entity

    def at(self, tokens: Span | list[Token], kind: str | None = None) -> Entity | None:
        for token in tokens:
            entity = self.by_token.get(token.i)
            if entity is not None and (kind is None or entity.kind == kind):
                return entity
        return None

    def add(self, kind: str, name: str, span: tuple[int, int], subkind: str | None = None) -> Entity:
        """A provisional entity, one per name and kind in the document."""
        key = f"{kind}:{name.lower()}"
        entity = self.provisional.get(key)
        if entity is None:
            entity = Entity(id=self.ex.new_id("e", self.ex.entities), kind=kind, name=name,
                            subkind=subkind, provisional=True)
            self.ex.entities.append(entity)
            self.provisional[key] = entity
        if span not in entity.mentions:
            entity.mentions.append(span)
        for token in self.ex.doc.char_span(*span, alignment_mode="expand") or []:
            self.by_token.setdefault(token.i, entity)
        return entity


def noun_phrase(token: Token) -> Span:
    """The head with its left modifiers ("three Iraqi soldiers"), without determiners."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nummod", "nmod", "quantmod", "poss") and child.i < start:
            start = min(start, child.left_edge.i if child.dep_ != "poss" else child.i)
    return token.doc[start: token.i + 1]


def argument_entity(index: EntityIndex, token: Token) -> Entity | None:
    """The entity a noun names, or a provisional one for people and groups."""
    if token.pos_ == "PRON":
        return _resolved_pronoun(index, token)
    if token.like_num and token.ent_type_ not in NOT_COUNTS:
        return _counted_people(index, token) if token.dep_ not in ("nummod", "quantmod", "compound") else None
    phrase = noun_phrase(token)
    lemma = token.lemma_.lower()
    own = index.at([token])
    if own is not None and own.kind != "weapon":
        return own
    person_or_site = lemma in FACILITIES or lemma in GROUP_NOUNS or token.lower_ in GROUP_NOUNS
    if own is not None and not person_or_site:
        return None  # a weapon word ("the bomb") is no actor
    modifier = next((e for t in phrase if (e := index.by_token.get(t.i)) is not None and e.kind != "weapon"), None)
    if modifier is not None and not (modifier.kind == "place" and person_or_site):
        return modifier  # "Taliban gunmen": the group; "Baghdad market": the market, below
    if lemma in FACILITIES:  # "a police checkpoint": a target that is a building, kept as a place
        return index.add("place", _phrase_name(phrase), (phrase.start_char, phrase.end_char), subkind="facility")
    if lemma in GROUP_NOUNS or token.lower_ in GROUP_NOUNS or token.ent_type_ in ("NORP",):
        kind = "person" if token.tag_ == "NN" and lemma not in STATE_WORDS | ARMED_WORDS else "organization"
        name = " ".join(t.text for t in phrase if t.dep_ not in ("nummod", "quantmod") and not t.like_num)
        span = (phrase.start_char, phrase.end_char)
        return index.add(kind, name or token.text, span)
    return None


def _resolved_pronoun(index: EntityIndex, token: Token) -> Entity | None:
    """"she was arrested": the person the entity stage resolved the pronoun to, if any."""
    entity = index.at([token])
    return entity if entity is not None and entity.kind in ("person", "organization") else None


def _counted_people(index: EntityIndex, token: Token) -> Entity | None:
    """"injuring more than 260", "five more were wounded": a number standing for the people it
    counts is a victim (or actor) of its own, named by its phrase."""
    if index.at([token]) is not None:
        return None  # "Seven Taliban militants": the noun it counts names the victims
    start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("quantmod", "advmod", "amod")])
    phrase = token.doc[start: token.i + 1]
    return index.add("person", phrase.text, (phrase.start_char, phrase.end_char), subkind="collective")


def _phrase_name(phrase: Span) -> str:
    return " ".join(t.text for t in phrase if not t.like_num and t.dep_ not in ("det", "poss", "case"))


def actor_class(token: Token | None, entity: Entity | None) -> str | None:
    """"state", "armed", "civilian", "protester" or None, by entity subkind then by words."""
    if entity is not None and entity.subkind in STATE_SUBKINDS:
        return "state"
    if entity is not None and entity.subkind in ARMED_SUBKINDS:
        return "armed"
    if token is None:
        return None
    phrase = list(noun_phrase(token))
    if token.like_num or token.lower_ in QUANTITY_HEADS:  # "scores of the terrorists"
        phrase += list(token.doc[token.i: min(token.right_edge.i + 1, token.i + 6)])
    words = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
    if words & PROTESTERS:
        return "protester"
    if words & ARMED_WORDS or "rebel" in token.lower_:
        return "armed"
    if words & STATE_WORDS:
        return "state"
    if words & CIVIL_WORDS:
        return "civilian"
    return None


# -- roles from the parse -------------------------------------------------------------------------

def roles(head: Token, index: EntityIndex | None = None) -> tuple[list[Token], list[Token]]:
    """(perpetrator tokens, target tokens) for a trigger head."""
    if head.pos_ in ("VERB", "AUX"):
        return _verb_roles(head)
    perps, targets = _noun_roles(head)
    if index is not None:  # "IS attacks": an organisation the tagger missed, known to the entity stage
        perps += [c for c in head.children if c.dep_ == "compound" and c not in perps and
                  (e := index.by_token.get(c.i)) is not None and e.kind == "organization"]
    return perps, targets + _affected(head)


def _affected(noun: Token) -> list[Token]:
    """"The explosion targeted a bakery", "the building was shattered by an explosion"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "agent":
        verb = verb.head
        wanted = ("nsubjpass",)
    elif noun.dep_ == "nsubj":
        wanted = ("dobj",)
    else:
        return []
    if verb.lemma_.lower() not in AFFECT_VERBS:
        return []
    found = [g for c in verb.children if c.dep_ in wanted for g in _with_conj(c)]
    if not found and wanted == ("nsubjpass",) and verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN":
        found = [verb.head]  # "her shop window, which was damaged by the blast"
    return found


def victims(keyword: Token) -> list[Token]:
    """Who a casualty word names: "killing three people", "five soldiers were wounded",
    "the members killed", "nine people were dead"."""
    if keyword.pos_ == "VERB" and keyword.lemma_.lower() in UNDERGONE:
        return [g for c in keyword.children if c.dep_ == "nsubj" for g in _with_conj(c)]  # "Gladkikh died"
    if keyword.pos_ in ("VERB", "AUX"):
        targets = _verb_roles(keyword)[1] or \
            [c for c in keyword.children if c.dep_ == "npadvmod" and c.like_num]  # misparsed "injuring 260"
        if targets:
            return targets
    if keyword.dep_ in ("amod", "acl") and (keyword.head.pos_ in ("NOUN", "PROPN") or keyword.head.like_num):
        return [keyword.head]  # "the members killed", "two of the 12 initially killed"
    if keyword.dep_ == "pobj" and keyword.head.lower_ == "of" and keyword.head.head.like_num:
        return [keyword.head.head]  # "11 of the injured"
    if keyword.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and keyword.head.pos_ in ("AUX", "VERB"):
        return [c for c in keyword.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return []


def _verb_roles(verb: Token) -> tuple[list[Token], list[Token]]:
    perps, targets = [], []
    passive = any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children) or \
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
    for child in verb.children:
        if child.dep_ == "nsubj" and not passive:
            perps += _with_conj(child)
        elif child.dep_ in ("dobj", "nsubjpass"):
            targets += _with_conj(child)
        elif child.dep_ == "agent":
            perps += [g for c in child.children if c.dep_ == "pobj" for g in _with_conj(c)]
        elif child.dep_ == "prep" and child.lower_ in {"on", "against", "at", "upon", "with"}:
            targets += [g for c in child.children if c.dep_ == "pobj" for g in _with_conj(c)]
        elif child.dep_ == "prep" and child.lower_ == "including" and passive:
            targets += _listed(child)
    if passive and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        targets.append(verb.head)
    if not targets and not passive:
        targets = _misparsed_objects(verb)
    if not perps and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ == "VERB":
        perps = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return perps, targets


def _listed(including: Token) -> list[Token]:
    """"were arrested, including Eva Forest, wife of X, Lidia Falcón and the writer Eliseo Bayo":
    the members of the list, not what their descriptions mention ("of X"), though the parser may
    hang the rest of the list there."""
    found, stack = [], [c for c in including.children if c.dep_ == "pobj"]
    while stack:
        token = stack.pop()
        if token.pos_ in ("NOUN", "PROPN") and not (token.dep_ == "pobj" and token.head.lower_ == "of"):
            found.append(token)
        stack += [c for c in token.children if c.dep_ in ("conj", "appos") or
                  c.dep_ == "prep" and c.lower_ == "of" or c.dep_ == "pobj" and token.lower_ == "of"]
    return sorted(found, key=lambda t: t.i)


def _misparsed_objects(verb: Token) -> list[Token]:
    """Objects the parser hangs elsewhere: shared by coordinated verbs ("killed and wounded scores
    of terrorists"), or made the subject of a participle after them ("attacked the militiamen
    trying to rob")."""
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB":
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if objects:
                return [g for o in objects for g in _with_conj(o)]
        if child.dep_ in ("advcl", "ccomp", "xcomp") and child.tag_ == "VBG" and child.i > verb.i:
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.left_edge.i > verb.i]
            if subjects:
                return [g for c in subjects for g in _with_conj(c)]
    return []


def _noun_roles(noun: Token) -> tuple[list[Token], list[Token]]:
    perps, targets = [], []
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and child.ent_type_ in ("ORG", "NORP", "PERSON"):
            perps.append(child)
        elif child.dep_ == "prep" and child.lower_ == "by":
            perps += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ in {"on", "against", "of", "targeting", "at"}:
            targets += [g for c in child.children if c.dep_ == "pobj" for g in _with_conj(c)]
        elif child.dep_ == "acl" and child.lemma_.lower() in AIM_VERBS:  # "bombings targeted at the military"
            targets += [g for p in child.children if p.dep_ == "prep" and p.lower_ in {"at", "against", "on"}
                        for c in p.children if c.dep_ == "pobj" for g in _with_conj(c)]
        elif child.dep_ == "prep" and child.lower_ == "between":
            sides = [g for c in child.children if c.dep_ == "pobj" for g in _with_conj(c)]
            perps, targets = perps + sides[:1], targets + sides[1:]  # "a battle between troops and gunmen"
    if not perps:
        perps = _light_verb_subject(noun)
    return perps, targets


def _light_verb_subject(noun: Token) -> list[Token]:
    """"X carried out an attack", "X claimed responsibility for the attack", "X were behind attacks"."""
    node = noun
    for _ in range(4):
        head = node.head
        if head == node:
            return []
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LIGHT_VERBS:
            return [c for c in head.children if c.dep_ == "nsubj"]
        if head.pos_ in ("VERB", "AUX"):
            return []
        node = head
    return []


def _with_conj(token: Token) -> list[Token]:
    return [token] + [c for c in token.children if c.dep_ == "conj"]


def actors_of(perps: list[Token], targets: list[Token], index: EntityIndex) -> Actors:
    perp = next((c for t in perps if (c := actor_class(t, index.at([t]))) is not None), None)
    target = next((c for t in targets if (c := actor_class(t, index.at([t]))) is not None), None)
    return Actors(perp, target)


# -- place ---------------------------------------------------------------------------------------

PRECISION_RANK = {"site": 0, "city": 1, "region": 3, "country": 4}  # 2: a place without geo


def place_of(head: Token, sent: Span, index: EntityIndex) -> Entity | None:
    """The most specific place in the trigger's clause; where the clause names no located town or
    site, the sentence's places compete too."""
    candidates = _places(_clause(head), index)
    if all(rank_place(e) >= 2 for _, e in candidates):  # "a market in Baghdad": the located town too
        candidates += [pair for pair in _places(sent, index) if all(pair[1] is not e for _, e in candidates)]
    if not candidates:
        return None
    return min(candidates, key=lambda pair: (_rank_in(pair), abs(pair[0].i - head.i)))[1]


def _rank_in(pair: tuple[Token, Entity]) -> float:
    """"an attack on the Christmas market in Strasbourg": a site the event hit is its target, and
    the town it stands in is where it happened; but a hit site says more than a region or state
    around it ("drones attacked Erbil International Airport in Iraq")."""
    rank = rank_place(pair[1])
    return max(rank, 1) + 0.5 if _hit(pair[0]) else rank


def _hit(token: Token) -> bool:
    """The place is the object of the event's verb or of "on", "against"."""
    node = token
    while node.dep_ in ("compound", "amod", "appos", "conj") and node.head != node:
        node = node.head
    return node.dep_ in ("dobj", "nsubjpass") or node.dep_ == "pobj" and node.head.lower_ in HIT_PREPS


def _clause(head: Token) -> Span:
    node = head
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    return head.doc[node.left_edge.i: node.right_edge.i + 1]


def _places(scope: Span, index: EntityIndex) -> list[tuple[Token, Entity]]:
    found = []
    for token in scope:
        entity = index.by_token.get(token.i)
        if entity is None or entity.kind != "place":
            continue
        if _locative(token) and all(e is not entity for _, e in found):
            found.append((token, entity))
    return found


def _locative(token: Token) -> bool:
    """"in Kirkuk", "at Erbil International Airport", "the city of Taez", "the Erbil attack"."""
    node = token
    while node.dep_ in ("compound", "amod", "appos", "conj", "poss") and node.head != node:
        node = node.head
    if node.dep_ == "pobj":
        prep = node.head
        if prep.lower_ in LOCATIVE:
            return True
        if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_HEADS:
            return True
        if prep.lower_ == "of" and node.lemma_.lower() in PLACE_HEADS and prep.head.lemma_.lower() in NOUNS:
            return True  # "the IRA's bombing of the city": the city is where the bombs went off
    if node.dep_ in ("dobj", "nsubjpass") and node.ent_type_ == "FAC":
        return True  # "drones attacked Erbil International Airport": the site hit is where it happened
    return token.dep_ == "compound" and token.head.lemma_.lower() in {"attack", "bombing", "strike", "blast"}


def rank_place(entity: Entity) -> int:
    """Lower is better: a located site, city, then an unlocated place ("a market", a village the
    gazetteer lacks: the nearest located town says more about where), then region, country."""
    if entity.geo is not None:
        return PRECISION_RANK.get(entity.geo.precision, 3)
    return 2


# -- weapons -------------------------------------------------------------------------------------

def weapon_tokens(sent: Span) -> list[tuple[Token, str]]:
    """(token, lexicon id) for weapon names and weapon-implying words in a sentence."""
    found = []
    for ent in sent.ents:
        if ent.label_ == "WEAPON" and ent.kb_id_.startswith("weapon:"):
            found.append((ent.root, _suicide(ent.root, ent.kb_id_.split(":", 1)[1])))
    named = {t.i for ent in sent.ents if ent.label_ == "WEAPON" for t in ent}
    for token in sent:
        weapon = IMPLIED_WEAPONS.get(token.lower_) or IMPLIED_WEAPONS.get(token.lemma_.lower()) or \
            ("firearm" if token.lower_ == "fire" and token.head.lemma_.lower() == "open" else None)
        if weapon and token.i not in named:
            found.append((token, _suicide(token, weapon)))
    return found


def _suicide(token: Token, weapon: str) -> str:
    """"suicide bomber" names the bomb he carried (not an aircraft, as "bomber" alone might)."""
    if token.lower_ in ("bomber", "bombers") and token.i > 0 and token.nbor(-1).lower_ == "suicide":
        return "suicide-vest"
    return weapon


def weapon_entity(index: EntityIndex, token: Token, weapon_id: str, lexicon: dict) -> Entity | None:
    weapon = lexicon.get(weapon_id)
    found = index.at([token], kind="weapon")
    if found is not None and (weapon is None or found.name == weapon.name or found.registry_id == weapon_id):
        return found
    if weapon is None:
        return None
    ent = next((e for e in token.sent.ents if token in e), None)
    span = (ent.start_char, ent.end_char) if ent is not None else (token.idx, token.idx + len(token))
    return index.add("weapon", weapon.name, span, subkind=weapon.subkind)  # provisional: keyed by name


# -- states as a fallback place ---------------------------------------------------------------

TITLES = {"president", "minister", "premier", "leader", "official", "ambassador", "envoy", "king", "prince",
          "spokesman", "spokeswoman", "general", "commander", "chief", "secretary", "diplomat"}


class StateMentions:
    """The states each sentence names as a setting (by name or nationality word), once per document."""

    DOMINANCE = 2  # the dominant state is named at least twice as often as any other ...
    MIN_MENTIONS = 4  # ... and at least this often

    def __init__(self, ex: Extraction, demonyms: dict[str, str]):
        states = [e for e in ex.entities if e.kind == "place" and e.geo is not None and e.geo.precision == "country"]
        by_registry = {e.registry_id or e.name.lower().replace(" ", "-"): e for e in states}
        by_token: dict[int, Entity] = {}
        for entity in states:
            for start, end in entity.mentions:
                for token in ex.doc.char_span(start, end, alignment_mode="expand") or []:
                    by_token[token.i] = entity
        for token in ex.doc:
            if token.i not in by_token and (entity := by_registry.get(demonyms.get(token.text, ""))) is not None:
                by_token[token.i] = entity
        self.by_sentence: dict[int, list[Entity]] = {}
        self.attackers: dict[int, list[Entity]] = {}  # states named as the side that struck
        self.counts: Counter[str] = Counter()
        self.by_id = {e.id: e for e in states}
        starts = [sent.start for sent in ex.doc.sents]
        for i, entity in sorted(by_token.items()):
            if i > 0 and by_token.get(i - 1) is entity:
                continue  # one mention over several tokens
            self.counts[entity.id] += 1
            sent_no = bisect.bisect_right(starts, i) - 1
            if _attack_noun(ex.doc[i].head) and ex.doc[i].dep_ in ("amod", "compound", "nmod", "poss"):
                self.attackers.setdefault(sent_no, []).append(entity)
            elif _setting(ex.doc[i], ex.doc[i].text in demonyms):
                found = self.by_sentence.setdefault(sent_no, [])
                if entity not in found:
                    found.append(entity)

    def only_one(self, sent_no: int) -> Entity | None:
        found = self.by_sentence.get(sent_no, [])
        return found[0] if len(found) == 1 else None

    def dominant(self) -> Entity | None:
        ranked = self.counts.most_common(2)
        if not ranked or ranked[0][1] < self.MIN_MENTIONS:
            return None
        if len(ranked) > 1 and ranked[0][1] < self.DOMINANCE * ranked[1][1]:
            return None
        return self.by_id[ranked[0][0]]


def _setting(token: Token, demonym: bool) -> bool:
    """A state named as where things are: "in Iraq", "Iraq's cities", "Iraqi militias", "British
    soil"; not one a phrase supports, opposes or leads ("pro-Iranian", "against Iranian
    influence", "US-led forces"), nor where someone comes from ("asylum seekers from Pakistan"),
    nor the nationality of people or forces who travel ("Iranian pilgrims", "American soldiers")."""
    doc = token.doc
    node = token
    while node.dep_ in ("compound", "conj", "appos") and node.head != node:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ not in LOCATIVE:
        return False
    if node.dep_ not in ("pobj", "amod", "compound", "nmod", "poss"):
        return False
    if node.dep_ != "pobj" and (node.head.ent_type_ == "PERSON" or node.head.lemma_.lower() in TITLES):
        return False  # "French President Emmanuel Macron": a person's nationality, not a setting
    if demonym and _travellers(node.head):
        return False
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in {"pro", "anti"}:
        return False
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in {"led", "backed"}:
        return False
    node = token
    for _ in range(2):
        node = node.head
        if node.lower_ == "against" and node.dep_ == "prep":
            return False
    return True


def _travellers(noun: Token) -> bool:
    """People and state forces, who are often abroad; armed groups and places are not."""
    words = {noun.lemma_.lower(), noun.lower_}
    return bool(words & (GROUP_NOUNS | STATE_WORDS)) and not words & ARMED_WORDS


def _attack_noun(token: Token) -> bool:
    while token.dep_ == "compound" and token.head != token:
        token = token.head
    return NOUNS.get(token.lemma_.lower()) in ("attack", "kill", "clash")
