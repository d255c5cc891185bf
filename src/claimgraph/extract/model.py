"""Typed objects of the extraction/1 record (see shared/schema/extraction-1.md).

Stages build these on an `Extraction`; `record.py` turns them into the JSON record.
Spans are (start, end) tuples of code-point offsets into the document's canonical text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimgraph.document import Document

Span = tuple[int, int]

ENTITY_KINDS = ("person", "organization", "place", "weapon")
RELATION_TYPES = (
    "part_of", "member_of", "leads", "commands", "allied_with", "fights",
    "supports", "trains", "front_for", "succeeded", "killed",
)
SYMMETRIC_RELATIONS = ("allied_with", "fights")
STANCES = ("asserts", "hedges", "denies", "no_comment", "claims_responsibility")
SOURCE_KINDS = (
    "official", "security_official", "military", "diplomat", "militia", "government",
    "expert", "media", "witness", "group_statement", "outlet", "other",
)
EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
SUBTYPE_TO_TYPE = {sub: typ for typ, subs in EVENT_TYPES.items() for sub in subs}
DATE_PRECISIONS = ("day", "week", "month", "season", "year", "range")
GEO_PRECISIONS = ("site", "city", "region", "country")


@dataclass
class Geo:
    lat: float
    lon: float
    country: str | None
    precision: str

    def to_dict(self) -> dict:
        return asdict(self)


def is_actor(entity: "Entity") -> bool:
    """People, organisations and states act; a state is kind place with subkind state
    (a polity and a territory at once), an actor by its registry id."""
    return entity.kind in ("person", "organization") or entity.subkind == "state"


@dataclass
class Entity:
    id: str
    kind: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    subkind: str | None = None
    registry_id: str | None = None
    geo: Geo | None = None
    provisional: bool = False  # an unnamed or unregistered actor, kept, never dropped

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "subkind": self.subkind,
            "name": self.name,
            "registry_id": self.registry_id,
            "mentions": [list(m) for m in sorted(set(self.mentions))],
            "geo": self.geo.to_dict() if self.geo else None,
            "provisional": self.provisional,
        }


@dataclass
class DateInterval:
    start: str | None  # ISO dates; None where unresolved (no publication date)
    end: str | None
    precision: str
    text: str
    span: Span | None = None
    resolved: bool = True

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass
class Event:
    id: str
    type: str
    subtype: str
    trigger: Span
    date: DateInterval | None = None
    place: str | None = None
    perpetrators: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    fatalities: int | None = None
    injured: int | None = None
    casualty_text: str | None = None
    background: bool = False
    claims: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)  # other triggers of the same event

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "subtype": self.subtype,
            "trigger": list(self.trigger),
            "date": self.date.to_dict() if self.date else None,
            "place": self.place, "perpetrators": self.perpetrators, "targets": self.targets,
            "weapons": self.weapons, "fatalities": self.fatalities, "injured": self.injured,
            "casualty_text": self.casualty_text, "background": self.background,
            "claims": self.claims, "mentions": [list(m) for m in self.mentions],
        }


@dataclass
class Relation:
    type: str
    source: str
    target: str
    evidence: list[Span] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    negated: bool = False

    def to_dict(self) -> dict:
        return {
            "type": self.type, "source": self.source, "target": self.target,
            "evidence": [list(e) for e in self.evidence], "claims": self.claims,
            "negated": self.negated,
        }


@dataclass
class ClaimSource:
    text: str
    kind: str
    span: Span | None = None
    entity: str | None = None
    anonymous: bool = True
    count: int | None = 1

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass
class Claim:
    id: str
    content: Span
    source: ClaimSource
    cue: Span | None = None
    stance: str = "asserts"
    corroborated_by: list[str] = field(default_factory=list)
    contradicts: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "content": list(self.content),
            "cue": list(self.cue) if self.cue else None,
            "source": self.source.to_dict(), "stance": self.stance,
            "corroborated_by": self.corroborated_by, "contradicts": self.contradicts,
        }


@dataclass
class Extraction:
    """The working state of one document while stages run over it."""

    document: Document
    doc: Doc
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # flags for the reader: "no publication date", …

    def new_id(self, prefix: str, items: list) -> str:
        return f"{prefix}{len(items) + 1}"

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
