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
        "envoy", "agent", "lieutenant", "aide", "ideologue", "figure", "cleric", "minister",
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
    )},
    "train": ("trains", ("",)),
    **{v: ("commands", ("",)) for v in ("command", "control", "direct", "run", "oversee", "dominate")},
    **{v: ("leads", ("",)) for v in ("lead", "head", "chair")},
    "join": ("member_of", ("",)),
    "belong": ("member_of", ("to",)),
    **{v: ("succeeded", ("",)) for v in ("succeed", "replace")},
}

# verbs whose prepositional object commands the subject ("respond directly to X").
REVERSED_PREP_VERBS: dict[str, tuple[str, tuple[str, ...]]] = {
    "respond": ("commands", ("to",)), "answer": ("commands", ("to",)), "report": ("commands", ("to",)),
    "take": ("commands", ("from",)), "receive": ("commands", ("from",)), "obey": ("commands", ("",)),
}

# "officers of the Quds Force", "IRGC advisers", "fighters from Hezbollah": people who stand for their group.
PROXY_NOUNS = {
    "officer", "adviser", "advisor", "member", "fighter", "commander", "official", "agent",
    "operative", "troop", "soldier", "militant", "unit", "force", "personnel", "instructor",
    "trainer", "expert", "leader", "leadership", "representative", "man", "element",
}

# nouns of hostility whose "against/with/on" object is the enemy of their owner
HOSTILE_NOUNS = {
    "fight", "battle", "war", "strike", "airstrike", "campaign", "operation", "offensive", "attack",
    "assault", "struggle", "raid", "bombardment", "crackdown", "insurgency", "clash", "action",
}

# "deputy director", "a former commander": not the one who leads
JUNIOR_WORDS = {"deputy", "assistant", "vice", "former", "ex", "acting", "junior", "regional", "local", "field"}

SEPARATION_WORDS = {"separate", "independent", "independently", "unrelated", "unconnected", "distinct"}
NEGATION_WORDS = {"not", "never", "n't", "no"}
