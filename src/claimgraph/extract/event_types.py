"""ACLED coding: a trigger family plus what the sentence says (weapon, actors, victims) gives
one of the 25 sub-event types (names as in model.EVENT_TYPES).

The weapon decides remote violence, most specific first: chemical > suicide > air/drone >
grenade > shelling/artillery/missile > remote explosive. Without one, who fought whom decides
between an armed clash (armed men on both sides) and an attack on civilians. Protests are
peaceful unless the sentence reports force (excessive), intervention (tear gas, dispersal,
arrests) or violence by the protesters. An explosion with accident words and no weapon or
armed actor (a gas cylinder, a factory) is no ACLED event at all, nor is a natural disaster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.extract.model import SUBTYPE_TO_TYPE

_W = re.compile  # all patterns compiled once, at import

CHEMICAL = _W(r"\bchemical\b|\bchlorine|\bsarin\b|nerve agent|\bmustard\b|poison(?:ous)? gas|toxic gas|"
              r"\bgas attack|chemical weapon")
SUICIDE = _W(r"\bsuicide\b|kill(?:ing|ed) (?:him|her|them)sel(?:f|ves)|blew (?:him|her|them)sel(?:f|ves) up|\bkamikaze|\bs-?vbied|explosive (?:vest|belt)")
AIR = _W(r"\bair ?strikes?\b|\bair ?raids?\b|\bair attack|\bdrones?\b|\buavs?\b|warplanes?|war planes?|"
         r"fighter jets?|\bjets?\b|aircraft|helicopters?|gunships?|\baerial\b|air force|\bsorties\b|"
         r"\bplanes?\b|airstrikes|choppers?")
GRENADE = _W(r"grenade")
ARTILLERY = _W(r"\brockets?\b|missiles?|\bmortars?\b|\bshell(?:s|ing|ed)?\b|artillery|howitzer|katyusha|"
               r"projectile|bombard|\bgrads?\b|tank fire|cannon fire|\bshelled\b")
EXPLOSIVE = _W(r"\bieds?\b|roadside|landmine|land mine|\bmines?\b|explosive|car[- ]bomb|vbied|booby|"
               r"\bbomb|truck bomb|sticky bomb|blast|explo(?:de|ded|sion)|detonat|blown up|blew up")
WEAPON_RULES = (
    (CHEMICAL, "Chemical weapon"), (SUICIDE, "Suicide bomb"), (AIR, "Air/drone strike"),
    (GRENADE, "Grenade"), (ARTILLERY, "Shelling/artillery/missile attack"),
    (EXPLOSIVE, "Remote explosive/landmine/IED"),
)
SEXUAL = _W(r"\brap(?:e|ed|es|ing|ist)\b|sexual(?:ly)? (?:violence|assault|abuse|slaver)|molest")
ABDUCTION = _W(r"kidnap|abduct|hostage|taken captive|went missing|forced disappearance")
EXCESSIVE = _W(r"\bkill|\bshot\b|shooting|opened fire|open fire|live (?:ammunition|fire|rounds|bullets)|"
               r"fired (?:on|at|into)|\bdead\b|\bdied\b|\bdeaths?\b|\binjur|\bwounded|\bbeat|violently|"
               r"brutal")
STATE_CUES = _W(r"\bpolice|security|forces|soldiers|\barmy\b|troops|military|authorities|gendarm|riot police|"
                r"officers|regime")
PROTEST_CAUSE = _W(r"(?:over|against|following|after|about|protesting|denouncing|condemning|of) (?:the |a |an |"
                   r"two |recent )?[\w\- ]{0,30}?(?:shootings?|killings?|deaths?|executions?|violence|brutality)")
PROTEST_CONTEXT = _W(r"protest|demonstrat|\brall(?:y|ies)\b|sit-in|\bmarchers\b|human chain")
INTERVENTION = _W(r"tear ?gas|water cannon|dispers|rubber bullet|baton|\barrest|detain|broke up|break up|"
                  r"crack(?:ed)? ?down|suppress|stun grenade|pepper spray|forcibly|beat(?:en|ing)?\b|"
                  r"\bcharged\b|\bwounded\b|\binjured\b|\bprevent|\bblocked\b by|\bclamp")
VIOLENT_PROTEST = _W(r"\bston(?:e|es|ing|e-throwing)\b|\brocks\b|\bclash|torch|set fire|set ablaze|\bburn|"
                     r"vandal|\bloot|petrol bomb|molotov|\bhurl|\bthrew\b|throwing|smash|ransack|\bstorm|"
                     r"\briot|damag|attacked|\bviolent|violence|rampage|\bthrows?\b|scuffle|debris|\bfought\b|breach|"
                     r"broke into|stormed")
MOB = _W(r"\bmobs?\b|lynch|vigilante|communal|sectarian (?:violence|clash)|villagers attacked|"
         r"\bmob justice")
NONVIOLENT = _W(r"without (?:any |a )?(?:resistance|fight|fighting|a shot)|(?:no|any) resistance|withdr[ae]w|withdrawal|handed over|"
                r"hand over|peaceful(?:ly)?|\bunopposed\b|\bceded?\b|abandon|pulled out|left the")
RECAPTURE = _W(r"\bre(?:captur|tak|took|gain|conquer)|liberat|\bfreed\b|won back|win back|drove (?:out|back)|"
               r"driven (?:out|back)|pushed back|cleared|expelled|flush")
ACCIDENT = _W(r"gas (?:cylinder|leak|tank|pipeline|explosion|station)|cylinder|boiler|\bfactory|\bplant\b|"
              r"refinery|firework|firecracker|warehouse|accident|short circuit|coal|\btanker|fuel|"
              r"petrol station|transformer|pipeline|industrial|reactor|\bmine(?:rs)?\b.*\bcollaps|"
              r"\bmine explosion|chemical plant|furnace|kiln|leak|propane|container|solvent|bunker")
DISASTER = _W(r"\bfloods?\b|flooding|earthquake|\bquake|\bstorms?\b|cyclone|hurricane|typhoon|landslide|"
              r"torrential|tsunami|drought|wildfire|\bblaze\b|fire broke out|\bcrash|collision|capsiz|"
              r"derail|stampede|\bcollaps|lightning|heat ?wave|epidemic|outbreak|avalanche|mudslide|"
              r"volcan|tornado|\brains\b|heavy rain")
ARMED_CUES = _W(r"gunm[ae]n|militant|insurgent|rebel|terrorist|jihadist|attacker|assailant|militia|bandit|"
                r"\bshot\b|gunfire|opened fire|\bshooting|bomber|\bieds?\b|airstrike|air strike|rocket|"
                r"mortar|\bbomb(?:s|ing|ed)?\b|explosive device|suicide|grenade|artillery|shell")
CLASH_CUES = _W(r"exchange(?:d)? (?:of )?fire|fought|fighting|gunfight|firefight|gun battle|\bclash|"
                r"returned fire|fought off|repell?ed|repulsed|engaged|counter-?attack|skirmish|battle|"
                r"\bambush")

PROTESTERS_KILLED = _W(r"(?:protesters|demonstrators|rioters) (?:killed|shot)")


@dataclass
class Actors:
    """Who acted and who was hit, as classes: "state", "armed", "civilian", "protester" or None."""

    perpetrator: str | None = None
    target: str | None = None


def code(family: str, text: str, actors: Actors, verb: str = "") -> str | None:
    """The ACLED sub-event type, or None where the sentence reports no ACLED event."""
    text = text.lower()
    if family in ("attack", "kill", "clash") and not ARMED_CUES.search(text) and _not_conflict(text):
        return None
    coder = _CODERS.get(family)
    return coder(text, actors, verb) if coder else None


def type_of(subtype: str) -> str:
    return SUBTYPE_TO_TYPE[subtype]


def _not_conflict(text: str) -> bool:
    return bool(DISASTER.search(text) or ACCIDENT.search(text))


def weapon_subtype(text: str) -> str | None:
    return next((subtype for pattern, subtype in WEAPON_RULES if pattern.search(text)), None)


def _violence(text: str, actors: Actors, verb: str) -> str:
    if actors.target == "protester" or _against_protest(text, actors):
        return _protest(text, actors, verb)
    if SEXUAL.search(text):
        return "Sexual violence"
    if verb in ("kidnap", "abduct") or ABDUCTION.search(text):
        return "Abduction/forced disappearance"
    if MOB.search(text) and actors.perpetrator not in ("state", "armed"):
        return "Mob violence"
    weapon = weapon_subtype(text)
    if weapon:
        return weapon
    if _combatants(actors) or CLASH_CUES.search(text) and actors.target != "civilian":
        return "Armed clash"
    return "Attack"


def _against_protest(text: str, actors: Actors) -> bool:
    """Force used by the state where people protest is coded as a protest event."""
    return actors.perpetrator in ("state", None) and bool(PROTEST_CONTEXT.search(PROTEST_CAUSE.sub(" ", text)))


def _combatants(actors: Actors) -> bool:
    """Armed men hit armed men: a battle, whoever started it (ACLED codes attacks on forces so)."""
    return actors.target in ("state", "armed") and actors.perpetrator in ("state", "armed", None)


def _clash(text: str, actors: Actors, verb: str) -> str:
    if actors.perpetrator == "protester" or actors.target == "protester" or "protest" in text or \
            "demonstrat" in text:
        return "Violent demonstration"
    if MOB.search(text):
        return "Mob violence"
    return "Armed clash"


def _protest(text: str, actors: Actors, verb: str) -> str:
    text = PROTEST_CAUSE.sub(" ", text)  # "marched over the shooting of": the cause, not the protest
    if EXCESSIVE.search(text) and STATE_CUES.search(text) and not _protesters_only_violent(text):
        return "Excessive force against protesters"
    if VIOLENT_PROTEST.search(text):
        return "Violent demonstration"
    if INTERVENTION.search(text):
        return "Protest with intervention"
    return "Peaceful protest"


def _protesters_only_violent(text: str) -> bool:
    """"protesters killed a policeman": the violence is the protesters'."""
    return bool(PROTESTERS_KILLED.search(text))


def _riot(text: str, actors: Actors, verb: str) -> str:
    return "Mob violence" if MOB.search(text) and "protest" not in text else "Violent demonstration"


def _territory(text: str, actors: Actors, verb: str) -> str:
    if NONVIOLENT.search(text):
        return "Non-violent transfer of territory"
    if actors.perpetrator == "state":
        return "Government regains territory"
    if actors.perpetrator == "armed":
        return "Non-state actor overtakes territory"
    return "Government regains territory" if RECAPTURE.search(text) else "Non-state actor overtakes territory"


def _arrest(text: str, actors: Actors, verb: str) -> str:
    if actors.perpetrator == "armed":
        return "Abduction/forced disappearance"
    if _against_protest(text, actors) and actors.target in ("protester", None):
        return _protest(text, actors, verb)
    return "Arrests"


def _looting(text: str, actors: Actors, verb: str) -> str:
    if actors.perpetrator == "protester" or "protest" in text or "demonstrat" in text:
        return "Violent demonstration"
    return "Looting/property destruction"


_CODERS = {
    "attack": _violence, "kill": _violence, "clash": _clash, "protest": _protest, "riot": _riot,
    "territory": _territory, "arrest": _arrest,
    "transfer": lambda text, actors, verb: "Non-violent transfer of territory",
    "abduct": lambda text, actors, verb: "Abduction/forced disappearance",
    "agreement": lambda text, actors, verb: "Agreement",
    "disrupt": lambda text, actors, verb: "Disrupted weapons use",
    "sexual": lambda text, actors, verb: "Sexual violence",
    "looting": _looting,
    "hq": lambda text, actors, verb: "Headquarters or base established",
    "change": lambda text, actors, verb: "Change to group/activity",
}
