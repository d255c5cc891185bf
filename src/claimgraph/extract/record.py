"""Assemble the extraction/1 record and check it against the contract."""

from __future__ import annotations

from claimgraph.errors import RecordError
from claimgraph.extract.model import (
    DATE_PRECISIONS, ENTITY_KINDS, GEO_PRECISIONS, RELATION_TYPES, SOURCE_KINDS, STANCES,
    SUBTYPE_TO_TYPE, Extraction,
)

SCHEMA = "extraction/1"


def build_record(ex: Extraction) -> dict:
    doc = ex.document
    return {
        "schema": SCHEMA,
        "doc_id": doc.doc_id,
        "published": doc.published.isoformat() if doc.published else None,
        "title": doc.title,
        "text_sha1": doc.text_hash,
        "entities": [e.to_dict() for e in ex.entities],
        "events": [e.to_dict() for e in ex.events],
        "relations": [r.to_dict() for r in ex.relations],
        "claims": [c.to_dict() for c in ex.claims],
        "notes": list(ex.notes),
    }


def validate_record(record: dict, text: str) -> None:
    """Raise RecordError on the first breach of extraction/1 for this text."""
    if record.get("schema") != SCHEMA:
        raise RecordError(f"schema is {record.get('schema')!r}, expected {SCHEMA!r}")
    if not isinstance(record.get("doc_id"), str) or not record["doc_id"]:
        raise RecordError("doc_id must be a non-empty string")
    check = _Checker(record, len(text))
    check.entities()
    check.claims()
    check.events()
    check.relations()


class _Checker:
    def __init__(self, record: dict, length: int):
        self.record = record
        self.length = length
        self.entity_ids = _unique_ids(record.get("entities", []), "entity")
        self.claim_ids = _unique_ids(record.get("claims", []), "claim")

    def span(self, value, where: str, optional: bool = False) -> None:
        if value is None and optional:
            return
        ok = (
            isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, int) for v in value) and 0 <= value[0] < value[1] <= self.length
        )
        if not ok:
            raise RecordError(f"{where}: {value!r} is not a span inside the text (length {self.length})")

    def entity_ref(self, value, where: str, optional: bool = False) -> None:
        if value is None and optional:
            return
        if value not in self.entity_ids:
            raise RecordError(f"{where}: entity {value!r} does not exist")

    def claim_refs(self, values, where: str) -> None:
        for value in values:
            if value not in self.claim_ids:
                raise RecordError(f"{where}: claim {value!r} does not exist")

    def entities(self) -> None:
        for ent in self.record.get("entities", []):
            where = f"entity {ent.get('id')}"
            if ent.get("kind") not in ENTITY_KINDS:
                raise RecordError(f"{where}: kind {ent.get('kind')!r} is not one of {ENTITY_KINDS}")
            if not ent.get("name"):
                raise RecordError(f"{where}: no name")
            if not ent.get("mentions"):
                raise RecordError(f"{where}: no mentions")
            for m in ent["mentions"]:
                self.span(m, where)
            geo = ent.get("geo")
            if geo is not None:
                if ent["kind"] != "place":
                    raise RecordError(f"{where}: geo on a {ent['kind']}")
                if geo.get("precision") not in GEO_PRECISIONS:
                    raise RecordError(f"{where}: geo precision {geo.get('precision')!r}")
                if not (-90 <= geo["lat"] <= 90 and -180 <= geo["lon"] <= 180):
                    raise RecordError(f"{where}: coordinates out of range")

    def claims(self) -> None:
        for claim in self.record.get("claims", []):
            where = f"claim {claim.get('id')}"
            self.span(claim.get("content"), f"{where} content")
            self.span(claim.get("cue"), f"{where} cue", optional=True)
            source = claim.get("source") or {}
            self.span(source.get("span"), f"{where} source", optional=True)
            self.entity_ref(source.get("entity"), f"{where} source", optional=True)
            if source.get("kind") not in SOURCE_KINDS:
                raise RecordError(f"{where}: source kind {source.get('kind')!r}")
            if claim.get("stance") not in STANCES:
                raise RecordError(f"{where}: stance {claim.get('stance')!r}")
            self.claim_refs(claim.get("corroborated_by", []), where)
            self.claim_refs(claim.get("contradicts", []), where)

    def events(self) -> None:
        for event in self.record.get("events", []):
            where = f"event {event.get('id')}"
            if SUBTYPE_TO_TYPE.get(event.get("subtype")) != event.get("type"):
                raise RecordError(f"{where}: {event.get('type')!r}/{event.get('subtype')!r} is not an ACLED pair")
            self.span(event.get("trigger"), f"{where} trigger")
            self.entity_ref(event.get("place"), f"{where} place", optional=True)
            for role in ("perpetrators", "targets", "weapons"):
                for ref in event.get(role, []):
                    self.entity_ref(ref, f"{where} {role}")
            date = event.get("date")
            if date is not None and date.get("precision") not in DATE_PRECISIONS:
                raise RecordError(f"{where}: date precision {date.get('precision')!r}")
            if date is not None and date.get("start") and date.get("end") and date["start"] > date["end"]:
                raise RecordError(f"{where}: date starts after it ends")
            for key in ("fatalities", "injured"):
                value = event.get(key)
                if value is not None and (not isinstance(value, int) or value < 0):
                    raise RecordError(f"{where}: {key} {value!r}")
            self.claim_refs(event.get("claims", []), where)

    def relations(self) -> None:
        for i, rel in enumerate(self.record.get("relations", [])):
            where = f"relation {i}"
            if rel.get("type") not in RELATION_TYPES:
                raise RecordError(f"{where}: type {rel.get('type')!r}")
            self.entity_ref(rel.get("source"), f"{where} source")
            self.entity_ref(rel.get("target"), f"{where} target")
            if rel["source"] == rel["target"]:
                raise RecordError(f"{where}: relation from an entity to itself")
            for ev in rel.get("evidence", []):
                self.span(ev, f"{where} evidence")
            self.claim_refs(rel.get("claims", []), where)


def _unique_ids(items: list[dict], what: str) -> set[str]:
    ids = [item.get("id") for item in items]
    if len(ids) != len(set(ids)) or not all(isinstance(i, str) and i for i in ids):
        raise RecordError(f"{what} ids must be unique non-empty strings")
    return set(ids)
