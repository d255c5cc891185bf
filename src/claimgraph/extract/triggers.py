"""Event triggers: the words that say an event happened, their family, and whether the text
asserts it (negated, hypothetical and future mentions are not events).

A family is the coarse kind of event a word reports ("attack", "clash", "arrest", ...);
`event_types.code` turns a family and the words around it into an ACLED sub-event type.
Weak words ("hit", "struck", "seized", "fell") report an event only with support in the
sentence (a weapon, a casualty, a place taken): "struck by divisions" is not an attack.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

VERBS = {
    "attack": "attack", "assault": "attack", "storm": "attack", "raid": "attack", "ambush": "attack",
    "bomb": "attack", "shell": "attack", "bombard": "attack", "shoot": "attack", "stab": "attack",
    "behead": "attack", "assassinate": "attack", "massacre": "attack", "murder": "attack",
    "explode": "attack", "detonate": "attack", "torture": "attack", "gun": "attack", "pound": "attack",
    "strike": "attack", "hit": "attack", "target": "attack", "fire": "attack", "slam": "attack",
    "hurl": "attack", "lob": "attack", "blow": "attack", "execute": "attack", "kill": "kill",
    "slay": "kill", "clash": "clash", "fight": "clash", "battle": "clash", "skirmish": "clash",
    "engage": "clash", "repel": "clash", "repulse": "clash", "arrest": "arrest", "detain": "arrest",
    "apprehend": "arrest", "nab": "arrest", "jail": "arrest", "kidnap": "abduct", "abduct": "abduct",
    "protest": "protest", "demonstrate": "protest", "rally": "protest", "march": "protest",
    "picket": "protest", "riot": "riot", "lynch": "riot", "vandalize": "riot", "vandalise": "riot",
    "capture": "territory", "seize": "territory", "overrun": "territory", "recapture": "territory",
    "retake": "territory", "regain": "territory", "liberate": "territory", "fall": "territory",
    "take": "territory", "win": "territory", "free": "territory", "drive": "territory",
    "withdraw": "transfer", "cede": "transfer", "hand": "transfer", "sign": "agreement",
    "agree": "agreement", "surrender": "agreement", "defuse": "disrupt", "dismantle": "disrupt",
    "intercept": "disrupt", "foil": "disrupt", "thwart": "disrupt", "rape": "sexual", "raped": "sexual",
    "raping": "sexual",
    "loot": "looting", "plunder": "looting", "torch": "looting", "ransack": "looting",
    "raze": "looting", "demolish": "looting", "burn": "looting", "establish": "hq", "set": "hq",
    "merge": "change", "defect": "change", "disband": "change", "dissolve": "change",
    "find": "disrupt", "discover": "disrupt", "recover": "disrupt", "confiscate": "disrupt",
    "uncover": "disrupt", "unearth": "disrupt", "create": "hq", "form": "hq", "build": "hq",
    "deploy": "change", "reinforce": "change", "mobilize": "change", "mobilise": "change",
    "dispatch": "change", "move": "change", "enter": "territory", "gather": "protest", "pour": "protest", "walk": "protest",
    "chant": "protest", "block": "protest", "occupy": "protest", "boo": "protest",
    "go": "attack",  # "a bomb went off", with an explosive as its subject
}
NOUNS = {
    "attack": "attack", "assault": "attack", "raid": "attack", "ambush": "attack", "strike": "attack",
    "airstrike": "attack", "bombing": "attack", "bombardment": "attack", "blast": "attack",
    "explosion": "attack", "shelling": "attack", "shooting": "attack", "stabbing": "attack",
    "assassination": "attack", "massacre": "attack", "murder": "attack", "killing": "kill", "slaying": "kill",
    "gunfire": "attack", "offensive": "attack", "onslaught": "attack", "beheading": "attack",
    "airstrikes": "attack", "shootout": "clash", "clash": "clash", "fighting": "clash",
    "battle": "clash", "gunfight": "clash", "firefight": "clash", "skirmish": "clash",
    "hostility": "clash", "combat": "clash", "arrest": "arrest", "detention": "arrest",
    "roundup": "arrest", "kidnapping": "abduct", "abduction": "abduct", "disappearance": "abduct",
    "protest": "protest", "demonstration": "protest", "rally": "protest", "march": "protest",
    "sit": "protest", "riot": "riot", "lynching": "riot", "capture": "territory",
    "takeover": "territory", "recapture": "territory", "agreement": "agreement", "deal": "agreement",
    "ceasefire": "agreement", "truce": "agreement", "accord": "agreement", "treaty": "agreement",
    "pact": "agreement", "surrender": "agreement", "rape": "sexual", "looting": "looting",
    "arson": "looting", "merger": "change", "cache": "disrupt", "stash": "disrupt",
    "shutdown": "protest", "scuffle": "riot", "vigil": "protest", "talk": "agreement", "fire": "attack",
}
# Words that report an event only with support in the sentence.
WEAK = {"hit", "strike", "target", "fire", "slam", "hurl", "lob", "blow", "seize", "capture", "take", "fall",
        "win", "free", "drive", "withdraw", "hand", "sign", "agree", "burn", "set", "establish", "execute",
        "deal", "accord", "march", "rally", "engage", "battle", "fight", "pound", "raid", "offensive",
        "combat", "gun", "shoot", "capture", "cede", "torch", "hostility", "raze", "demolish",
        "dissolve", "merge", "merger", "disband", "explode", "blast", "explosion", "execute", "storm",
        "find", "discover", "recover", "confiscate", "uncover", "unearth", "cache", "stash", "gather", "pour",
        "walk", "chant", "block", "occupy", "boo", "shutdown", "vigil", "intercept", "create", "form", "build",
        "deploy", "reinforce", "mobilize", "mobilise", "dispatch", "move", "enter", "talk"}
GROUP_OBJECTS = {"organisation", "organization", "group", "unit", "force", "forces", "militia", "brigade",
                 "entity", "faction", "network", "council", "party", "coalition", "battalion", "division",
                 "command", "wing", "front", "movement", "alliance"}
TROOPS = {"troops", "troop", "forces", "force", "soldier", "men", "reinforcement", "unit", "fighter",
          "presence", "militant", "personnel", "convoy", "vehicle"}
# Verbs that report a protest only with protesters as their subject ("crowds walked the streets").
CROWD_VERBS = {"gather", "pour", "walk", "chant", "block", "occupy", "boo", "march", "rally", "take"}
CROWDS = {"protester", "demonstrator", "protestor", "crowd", "striker", "marcher", "rioter", "activist",
          "supporter", "demonstrators", "protesters", "strikers", "rioters", "crowds"}
WEAPON_OBJECTS = {"weapon", "arm", "arms", "ammunition", "ammunitions", "explosive", "firearm", "gun", "pistol",
                  "rifle", "grenade", "bullet", "round", "cartridge", "mine", "landmine", "device", "cache",
                  "rocket", "missile", "mortar", "projectile", "bomb", "stash", "ied", "revolver", "munition",
                  "shell", "drone", "detonator", "equipment"}
PARTICLES = {"blow": {"up"}, "take": {"control", "over"}, "gun": {"down"}, "set": {"up", "fire", "off"},
             "hand": {"over"}, "drive": {"out", "away", "back"}, "win": {"back"}, "shoot": set(),
             "round": {"up"}, "fire": set(), "go": {"off"}}
NEEDS_PARTICLE = {"blow", "gun", "set", "hand", "drive", "win", "go"}
EXPLOSIVES = {"bomb", "device", "explosive", "ied", "mine", "landmine", "grenade", "charge", "vest", "shell",
              "rocket"}  # lemmas
TERRITORY_NOUNS = {
    "town", "city", "village", "district", "area", "base", "hill", "hilltop", "territory", "region",
    "province", "airport", "checkpoint", "position", "county", "neighborhood", "neighbourhood", "camp",
    "outpost", "control", "border", "crossing", "valley", "mountain", "island", "port", "capital",
    "headquarters", "garrison", "localities", "locality", "villages", "towns", "settlement", "road",
}
RIOT_CONTROL = {"gas", "cannon", "canister", "bullet", "pellet", "grenade", "ammunition"}
HQ_NOUNS = {"base", "camp", "headquarters", "outpost", "checkpoint", "office", "post", "position", "garrison",
            "point", "station"}
WEAPON_WORDS = {
    "rocket", "missile", "mortar", "shell", "bomb", "grenade", "drone", "airstrike", "artillery", "gun",
    "rifle", "bullet", "explosive", "ied", "mine", "landmine", "jet", "warplane", "aircraft", "helicopter",
    "projectile", "device", "tank", "gunman", "gunmen", "sniper", "fire", "shot", "round", "vest",
}
VIOLENCE_WORDS = {"kill", "dead", "die", "wound", "injure", "injured", "casualty", "death", "toll", "militant",
                  "insurgent", "rebel", "troops", "soldier", "army", "gunman", "attacker", "assailant", "bomber",
                  "militia", "fighter", "force", "terrorist", "police", "jihadist", "military"}
PROTEST_SUPPORT = {"protester", "demonstrator", "against", "supporter", "activist", "student", "worker",
                   "thousand", "hundred", "crowd", "slogan", "resident", "people", "opposition"}
AGREEMENT_OBJECTS = {"agreement", "deal", "ceasefire", "truce", "accord", "treaty", "pact", "memorandum",
                     "peace", "protocol", "declaration"}
MODALS = {"could", "would", "may", "might", "will", "should", "can", "must", "shall", "'ll", "wo", "ca"}
PLAN_VERBS = {
    "threaten", "plan", "vow", "warn", "intend", "aim", "seek", "want", "prepare", "fear", "call", "urge",
    "pledge", "promise", "consider", "propose", "demand", "hope", "expect", "plot", "order", "need",
    "decide", "refuse", "prevent", "avoid", "train",
}
PLAN_NOUNS = {
    "threat", "plan", "risk", "fear", "possibility", "warning", "call", "prospect", "danger", "capability",
    "capacity", "ability", "plot", "intention", "bid", "training", "order", "tactic", "technique", "way",
    "potential", "preparation", "likelihood", "chance", "means", "instruction", "demand",
}
HEDGED_ATTRIBUTION = {"believe", "think", "suspect", "say", "report", "allege", "know", "understand", "presume"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
NEGATIONS = {"not", "n't", "never", "no"}
LABOUR_STRIKE = {"hunger", "general", "labour", "labor", "workers", "nationwide", "teachers", "doctors"}


@dataclass
class Trigger:
    """One trigger: its tokens (head first) and family."""

    head: Token
    start: int  # token indices, end exclusive
    end: int
    family: str

    @property
    def char_span(self) -> tuple[int, int]:
        doc = self.head.doc
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1])


def find_triggers(sent: Span) -> list[Trigger]:
    """The asserted triggers of one sentence, left to right."""
    words = {t.lemma_.lower() for t in sent}
    found = []
    for token in sent:
        trig = _trigger_at(token, words)
        if trig is not None and is_asserted(token):
            found.append(trig)
    return found


EVENT_COMPOUND_HEADS = {"attack", "bombing", "strike", "wave", "attempt", "suspect", "victim", "survivor"}
HYPHENATED_CLASHES = {("shoot", "out"), ("gun", "fight"), ("gun", "battle"), ("fire", "fight")}


def _trigger_at(token: Token, words: set[str]) -> Trigger | None:
    lemma, low = token.lemma_.lower(), token.lower_
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and \
            (low, doc[token.i + 2].lower_) in HYPHENATED_CLASHES:
        return Trigger(token, token.i, token.i + 3, "clash")  # "the shoot-out", split by the tokenizer
    if token.i >= 2 and doc[token.i - 1].text == "-" and (doc[token.i - 2].lower_, low) in HYPHENATED_CLASHES:
        return None  # the tail of the word just found
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        family = VERBS.get(lemma) or VERBS.get(low)  # the model lemmatises "raped" as "rap"
        return _verb_trigger(token, family, words) if family else None
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" or _event_compound(token):
        family = NOUNS.get(lemma) or NOUNS.get(low)
        return _noun_trigger(token, family, words) if family else None
    return None


def _event_compound(token: Token) -> bool:
    """"the Erbil attack" is a noun, as are "an assassination attempt" and "the bombing suspect"
    (there are suspects of what happened); "attack helicopter" is not an attack."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in EVENT_COMPOUND_HEADS


def _verb_trigger(token: Token, family: str, words: set[str]) -> Trigger | None:
    lemma = token.lemma_.lower()
    particle = _particle(token)
    if lemma in NEEDS_PARTICLE and particle is None:
        return None
    start, end = token.i, (particle.i + 1 if particle is not None and particle.i > token.i else token.i + 1)
    family = _verb_family(token, family, particle)
    if family is None or (lemma in WEAK and not _supported(token, family, words)):
        return None
    return Trigger(token, start, end, family)


def _particle(token: Token) -> Token | None:
    wanted = PARTICLES.get(token.lemma_.lower())
    if not wanted:
        return None
    for child in token.children:
        if child.lower_ in wanted and child.dep_ in ("prt", "dobj", "prep", "advmod", "compound"):
            return child
    return None


def _verb_family(token: Token, family: str, particle: Token | None) -> str | None:
    """Families that depend on the object: seize a town / a man / weapons; set up a base; set fire."""
    lemma = token.lemma_.lower()
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")}
    if lemma == "go":
        return family if _subject_words(token) & EXPLOSIVES else None  # not "the alarm went off"
    if lemma == "set" and particle is not None and particle.lower_ in {"fire", "off"}:
        return "looting" if particle.lower_ == "fire" else "attack"
    if family in ("hq", "change") and token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "xcomp"):
        return None  # "..., forming smaller factions": a manner clause, not a dated development
    if family == "hq":
        return _founding(token)
    if family == "change":
        return "change" if _object_words(token) & TROOPS else None
    if lemma == "enter":
        return "territory" if _subject_words(token) & (TROOPS | {"rebel", "militant", "army", "troops"}) else None
    if lemma in {"seize", "capture", "intercept"}:
        return _seize_family(token, objects)
    if family == "disrupt" and lemma not in {"defuse", "dismantle", "foil", "thwart"}:
        return "disrupt" if _object_words(token) & WEAPON_OBJECTS else None
    if lemma in CROWD_VERBS and family == "protest" or lemma == "take" and particle is None:
        return _crowd_family(token)
    if lemma == "engage" and not _has_prep(token, {"with"}) and not objects:
        return None
    if lemma == "fire" and not (objects & (WEAPON_WORDS | RIOT_CONTROL) or _has_prep(token, {"at", "on", "into", "upon"})):
        return None
    return family


def _object_words(token: Token) -> set[str]:
    """Lemmas under the verb's object (or passive subject): "a stash of projectiles"."""
    return {t.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")
            for t in c.subtree}


def _subject_words(token: Token) -> set[str]:
    return {t.lemma_.lower() for c in token.children if c.dep_ == "nsubj" for t in c.subtree}


def _founding(token: Token) -> str | None:
    """"set up two new bases" is a base established; "formed a Drone Organisation" a change."""
    words = _object_words(token)
    if words & HQ_NOUNS:
        return "hq"
    return "change" if words & GROUP_OBJECTS else None


def _crowd_family(token: Token) -> str | None:
    """"protesters took to the streets", "crowds walked the streets": a protest by its subject."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = {t.lemma_.lower() for s in subjects for t in s.subtree} | {t.lower_ for s in subjects for t in s.subtree}
    if not words & CROWDS:
        return None
    return "riot" if words & {"rioter", "rioters"} else "protest"


def _seize_family(token: Token, objects: set[str]) -> str | None:
    if _object_words(token) & WEAPON_OBJECTS:
        return "disrupt"
    if objects & TERRITORY_NOUNS or any(_is_place(c) for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
        return "territory"
    if any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in PERSON_LIKE)
           for c in token.children):
        return "arrest"
    return None


PERSON_LIKE = {"man", "men", "suspect", "militant", "person", "people", "woman", "journalist", "member",
               "leader", "commander", "fighter", "soldier", "official", "activist", "civilian", "hostage"}


def _is_place(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def _has_prep(token: Token, preps: set[str]) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps for c in token.children)


def _supported(token: Token, family: str, words: set[str]) -> bool:
    """A weak word reports an event only where the sentence backs it."""
    if family in ("territory", "transfer"):
        return bool(words & TERRITORY_NOUNS) or any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in token.sent)
    if family == "agreement":
        return bool(words & AGREEMENT_OBJECTS)
    if family == "protest":
        return bool(words & PROTEST_SUPPORT) or any(w.startswith("protest") for w in words)
    if family in ("hq", "looting", "disrupt", "change"):
        return True
    others = words - {token.lemma_.lower()}
    return bool(others & WEAPON_WORDS or others & VIOLENCE_WORDS) or any(t.ent_type_ == "WEAPON" for t in token.sent)


def _noun_trigger(token: Token, family: str, words: set[str]) -> Trigger | None:
    lemma = token.lemma_.lower()
    start = _compound_start(token)
    if lemma == "fire":  # "opened fire", "mortar fire"; not "a fire broke out"
        if token.head.lemma_.lower() == "open" and token.head.i < token.i:
            return Trigger(token, token.head.i, token.i + 1, family)
        if start == token.i:
            return None
    if lemma == "strike" and _labour_strike(token):
        family = "protest"
    if lemma == "sit" and not (token.i + 2 < len(token.doc) and token.nbor(1).text == "-"):
        return None
    if lemma in WEAK and not _supported(token, family, words):
        return None
    return Trigger(token, start, token.i + 1, family)


def _compound_start(token: Token) -> int:
    """"drone strike", "suicide bombing", "air raid": the modifiers are part of the trigger."""
    start = token.i
    for child in token.lefts:
        if child.dep_ == "compound" and child.i == start - 1 and child.pos_ == "NOUN":
            start = child.i
    if token.lower_ in {"strike", "strikes", "raid", "raids"} and start == token.i and token.i > 0:
        prev = token.nbor(-1)
        if prev.lower_ in {"air", "drone", "missile", "aerial"}:
            start = prev.i
    return start


def _labour_strike(token: Token) -> bool:
    near = {t.lower_ for t in token.doc[max(token.i - 2, 0):token.i]}
    return bool(near & LABOUR_STRIKE) or token.head.lemma_.lower() in {"go", "call", "stage", "launch"} and \
        "on" in {c.lower_ for c in token.head.children}


# -- assertion: negation, modality, plans, conditions -------------------------------------------

def is_asserted(token: Token) -> bool:
    """False for "did not attack", "could strike", "threatened to attack", "plans for an attack",
    "if they attack", "no casualties from any attack"."""
    verb = governing_verb(token)
    if _negated(token) or (verb is not None and verb != token and _negated_noun_context(token, verb)):
        return False
    for node in _chain(token, verb):
        if _modal(node) or _conditional(node) or _planned(node):
            return False
    return not _plan_noun(token)


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause holds the token (the token itself when it is a verb)."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _chain(token: Token, verb: Token | None) -> list[Token]:
    """The token, its verb, and verbs above it through open complements ("plans to attack")."""
    nodes = [token] + ([verb] if verb is not None and verb != token else [])
    node = verb
    while node is not None and node.dep_ in ("xcomp", "conj") and node.head != node:
        node = node.head
        nodes.append(node)
    return nodes


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"no", "never"} and c.dep_ in ("det", "neg", "advmod")
               for c in token.children)


def _negated_noun_context(token: Token, verb: Token) -> bool:
    """"did not carry out the attack": a negated light verb whose object is the trigger."""
    return token.dep_ in ("dobj", "nsubjpass") and any(c.dep_ == "neg" for c in verb.children)


def _modal(node: Token) -> bool:
    if node.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return not (_factive_infinitive(node) or _purpose_of_past(node))
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in node.children) or \
        any(c.lower_ == "going" and c.dep_ == "aux" for c in node.children)


def _factive_infinitive(node: Token) -> bool:
    """"managed to seize", "went on to attack" report what happened; so does a belief about who did
    it ("a man believed to be responsible for a blast", "suspected of having carried out the attack")."""
    return node.head.lemma_.lower() in {"manage", "succeed", "go", "continue", "begin", "start"} or \
        node.head.lemma_.lower() in HEDGED_ATTRIBUTION and node.head.tag_ == "VBN"


def _purpose_of_past(node: Token) -> bool:
    """"police fired tear gas to disperse the crowd": the purpose clause of a past act happened."""
    head = node.head
    return node.dep_ == "advcl" and head.tag_ == "VBD" and not any(c.lower_ in MODALS for c in head.children)


def _conditional(node: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children)


def _planned(node: Token) -> bool:
    head = node.head
    return node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "advcl") and head != node and \
        head.lemma_.lower() in PLAN_VERBS and node.dep_ != "advcl"


def _plan_noun(token: Token) -> bool:
    """"the threat of attacks", "plans for a strike": the trigger hangs off a plan noun."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"of", "for"}:
        return head.head.lemma_.lower() in PLAN_NOUNS
    return token.dep_ in ("compound", "nmod") and head.lemma_.lower() in PLAN_NOUNS
