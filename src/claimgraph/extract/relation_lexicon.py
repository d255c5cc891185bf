"""Words that state ties between actors, for the relations stage, and the small tests built on them."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.model import Entity, is_actor

# role noun -> (relation type, reversed?) for "A, the <role> of B" (A is the subject).
ROLE_NOUNS: dict[str, tuple[str, bool]] = {
    **{w: ("leads", False) for w in (
        "leader", "head", "chief", "commander", "founder", "president", "chairman", "director",
        "emir", "chief-of-staff", "secretary-general", "boss", "mastermind", "ringleader",
    )},
    **{w: ("member_of", False) for w in (
        "member", "fighter", "official", "officer", "spokesman", "spokeswoman", "spokesperson",
        "deputy", "adviser", "advisor", "operative", "militant", "soldier", "representative",
        "envoy", "agent", "lieutenant", "aide", "ideologue", "figure", "cleric", "general", "colonel",
        # people who work for or belong to a body: "the conductor of the orchestra", "a reporter for X"
        "employee", "staffer", "journalist", "reporter", "correspondent", "editor", "ambassador", "diplomat",
        "pilot", "captain", "major", "sergeant", "commando", "analyst", "researcher", "professor", "lecturer",
        "conductor", "musician", "recruit", "loyalist", "supporter", "activist", "volunteer", "insurgent",
        "jihadist", "gunman", "militiaman", "minister", "negotiator", "investigator", "inspector",
    )},
    **{w: ("part_of", False) for w in (
        "branch", "wing", "unit", "arm", "division", "part", "affiliate", "faction", "offshoot",
        "subsidiary", "component", "brigade", "battalion", "franchise", "cell", "department",
    )},
    "ally": ("allied_with", False), "partner": ("allied_with", False),
    "rival": ("fights", False), "enemy": ("fights", False), "foe": ("fights", False),
    "successor": ("succeeded", False), "predecessor": ("succeeded", True),
    "front": ("front_for", False), "proxy": ("supports", True), "sponsor": ("supports", False),
    "backer": ("supports", False),
}

# verb lemma -> (relation type, prepositions that introduce the other actor)
VERB_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    **{v: ("fights", ("with", "against", "on")) for v in (
        "attack", "fight", "battle", "clash", "target", "strike", "bomb", "shell", "ambush", "raid",
        "besiege", "combat", "defeat", "destroy", "degrade", "oust", "slaughter", "massacre", "kidnap", "abduct", "behead", "execute", "expel", "assault", "confront", "engage", "kill",
        "assassinate", "shoot", "storm", "capture", "overrun", "wage",
    )},
    **{v: ("allied_with", ("with", "alongside")) for v in ("ally", "cooperate", "partner", "collaborate", "align")},
    **{v: ("supports", ("",)) for v in (
        "support", "back", "fund", "finance", "arm", "supply", "equip", "sponsor", "aid", "bankroll", "sustain",
        "assist",
    )},
    "train": ("trains", ("",)),
    **{v: ("commands", ("",)) for v in ("command", "control", "direct", "run", "oversee", "dominate")},
    **{v: ("leads", ("",)) for v in ("lead", "head", "chair")},
    "join": ("member_of", ("",)),
    "participate": ("member_of", ("in",)),
    **{v: ("leads", ("",)) for v in ("found", "co-found", "establish")},
    "belong": ("member_of", ("to",)),
    "represent": ("member_of", ("",)),
    **{v: ("succeeded", ("",)) for v in ("succeed", "replace")},
}

# "a leader of X" still leads it ("a commander of X" is one of its people)
LEADING_ROLES = {"leader", "founder", "mastermind", "ringleader"}

# "with the aid of X": X helps those who act
AID_NOUNS = {"aid", "help", "support", "assistance", "backing", "cooperation", "co-operation", "collaboration"}

# verbs whose prepositional object is the body a person belongs to: "fought for ISIS", "served in the
# navy", "worked for the UN" (people only: "Hezbollah fought for Assad" is an alliance)
SERVICE_VERBS: dict[str, tuple[str, ...]] = {
    "fight": ("for",), "serve": ("in", "with", "for"), "work": ("for",), "enlist": ("in", "with"),
    "volunteer": ("for", "with"), "defect": ("to",),
}

# "stands by Iraq to defeat Daesh", "works with partners to defeat ISIL": verbs of standing or working
# together, with the prepositions of the partner, whose purpose clause is a shared fight
PURPOSE_PARTNERS: dict[str, tuple[str, ...]] = {
    **{v: ("with", "alongside") for v in ("work", "cooperate", "co-operate", "partner", "team", "join")},
    "stand": ("by", "with", "alongside"), "fight": ("alongside",),
}

# supporting a side in a war makes an ally ("the coalition has supported the Iraqi Security Forces");
# the patron verbs ("backed", "funded", "armed") make only `supports`.
COOPERATION_VERBS = {"support", "assist", "aid"}
SUPPORT_NOUNS = {"support", "assistance", "backing"}
# "supported the Iraqi Security Forces in its efforts": "its" is the helped party's
HELP_VERBS = COOPERATION_VERBS | {"help", "back", "train", "equip", "join"}
ALLY_NOUNS = {"ally", "partner"}
# helped, not allied: "UK support for Syrian refugees"
VICTIM_NOUNS = {
    "refugee", "civilian", "victim", "child", "woman", "patient", "family", "survivor", "resident",
    "population", "community", "migrant", "student", "minority", "children", "women", "families", "communities",
    "minorities", "displaced",
}

# verbs of waging war whose "against" object is the enemy ("used chemical weapons against X")
AGAINST_VERBS = {
    "use", "launch", "conduct", "carry", "mount", "wage", "commit", "deploy", "fire", "unleash", "perpetrate",
}

# ties whose target is a body, never a person
ORGANISATION_TARGETS = {"member_of", "part_of", "front_for", "commands", "leads"}

# ties two states can have (both are actors); a place inside a place is geography, not a tie
STATE_TIES = {"fights", "allied_with", "supports", "killed"}

# "fighting that saw 120 soldiers and a general killed": the seen are patients, not allies
PERCEPTION_VERBS = {"see", "watch", "witness", "leave"}

RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}

# verbs whose prepositional object commands the subject ("respond directly to X").
REVERSED_PREP_VERBS: dict[str, tuple[str, tuple[str, ...]]] = {
    "respond": ("commands", ("to",)), "answer": ("commands", ("to",)), "report": ("commands", ("to",)),
    "take": ("commands", ("from",)), "receive": ("commands", ("from",)), "obey": ("commands", ("",)),
}
# these need their object to be orders: "take orders from X", not "take jobs from Jordanians"
ORDER_VERBS = {"take", "receive"}
ORDER_NOUNS = {"order", "orders", "instruction", "command", "direction", "directive"}

# "70 members of the Al Bu Nimr tribe": a named group of people belonging to a body
MEMBER_NOUNS = {
    "member", "fighter", "militant", "militiaman", "soldier", "troop", "officer", "employee",
    "staff", "student", "supporter", "loyalist", "recruit", "volunteer", "delegate", "operative",
    "personnel", "agent", "gunman", "jihadist", "insurgent", "rebel",
}

# "officers of the Quds Force", "IRGC advisers", "fighters from Hezbollah": people who stand for their group.
PROXY_NOUNS = {
    "officer", "adviser", "advisor", "member", "fighter", "commander", "official", "agent",
    "operative", "troop", "soldier", "militant", "unit", "force", "personnel", "instructor",
    "trainer", "expert", "leader", "leadership", "representative", "man", "element",
    # what a group does stands for it as a target: "destroying the terrorist scourge of ISIL"
    "scourge", "menace", "threat", "terrorism", "brutality", "savagery",
}

# nouns of hostility whose "against/with/on" object is the enemy of their owner
HOSTILE_NOUNS = {
    "fight", "battle", "war", "strike", "airstrike", "campaign", "operation", "offensive", "attack",
    "assault", "struggle", "raid", "bombardment", "crackdown", "insurgency", "clash", "action",
}

# acts of war that make the subjects of "launched the offensive" co-belligerents ("operation"
# and "action" are too broad: "discussed co-operation")
HOSTILE_OBJECTS = {
    "offensive", "counteroffensive", "attack", "assault", "strike", "airstrike", "raid", "bombardment",
    "war", "insurgency", "ambush", "incursion", "invasion", "siege",
}

# bodies a person's possessive names as led by them: "Prime Minister Abadi and his government"
LED_BODIES = {"government", "cabinet", "administration", "regime", "movement", "party", "militia", "army"}

# "deputy director", "a former commander": not the one who leads
JUNIOR_WORDS = {"deputy", "assistant", "vice", "former", "ex", "acting", "junior", "regional", "local", "field"}

SEPARATION_WORDS = {"separate", "independent", "independently", "unrelated", "unconnected", "distinct"}
NEGATION_WORDS = {"not", "never", "n't", "no"}


# -- tests on tokens and entities, shared by the relation rules --------------------------------
def real_actor(entity: Entity) -> bool:
    """An actor, but not a named operation ("Operation Steel Curtain killed 139 insurgents")."""
    return is_actor(entity) and not entity.name.lower().startswith("operation ")


def victims(entity: Entity) -> bool:
    """People helped, not a side helped: "refugees", "civilians", "children"."""
    if entity.subkind != "collective" or not entity.name:
        return False
    word = entity.name.lower().split()[-1]
    return word in VICTIM_NOUNS or word.rstrip("s") in VICTIM_NOUNS


def is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" or child.lower_ in NEGATION_WORDS for child in token.children)


def junior(token: Token) -> bool:
    return any(t.lower_ in JUNIOR_WORDS for t in token.lefts) or any(
        t.lower_ in JUNIOR_WORDS for t in token.doc[max(token.i - 3, 0):token.i])


def indefinite(token: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in ("a", "an", "one") for child in token.children)


def last_of(items):
    found = None
    for item in items:
        found = item
    return found


def first_of(items):
    return next((item for item in items if item is not None), None)


def unique(items) -> list[Entity]:
    seen, out = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out
