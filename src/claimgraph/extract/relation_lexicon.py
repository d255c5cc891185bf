"""Words that state ties between actors, for the relations stage."""

from __future__ import annotations

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
