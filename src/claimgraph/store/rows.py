"""One document and its extraction record -> the rows of every store table.

Pure: no database. All of it runs before the write transaction opens, so a bad record
fails before anything is written and the transaction stays short.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from claimgraph import __version__
from claimgraph.document import Document
from claimgraph.errors import RecordError
from claimgraph.extract.record import validate_record

ROLES = (("perpetrators", "perpetrator"), ("targets", "target"), ("weapons", "weapon"))
MAX_SLUG = 80
DOCUMENT_SCOPED = ("description", "collective")  # entity subkinds that are no one across documents
DOCUMENT_ACTOR = "doc:"  # the id prefix of such an entity


@dataclass
class DocumentRows:
    doc_id: str
    digest: str
    tables: dict[str, list[dict]]  # table name -> rows


def check_record(document: Document, record: dict) -> None:
    """Raise RecordError unless `record` is a valid extraction/1 record of `document`."""
    if record.get("doc_id") != document.doc_id:
        raise RecordError(f"record doc_id {record.get('doc_id')!r} is not the document's {document.doc_id!r}")
    sha1 = record.get("text_sha1")
    if sha1 is not None and sha1 != document.text_hash:
        raise RecordError(f"{document.doc_id}: the record was extracted from another text (text_sha1 differs)")
    validate_record(record, document.text)


def digest(document: Document, record: dict, fingerprint: bytes | None) -> str:
    """A content hash of everything ingest stores, so a repeat ingest can be a no-op."""
    payload = {
        "document": document.to_dict(),
        "record": record,
        "fingerprint": fingerprint.hex() if fingerprint is not None else None,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()


def normalise_name(name: str) -> str:
    """Lower-case ASCII-folded words joined by '-', without a leading 'the' or apostrophes,
    so "The Kata'ib Hezbollah" and "Kataib Hezbollah" give the same key."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    words = re.findall(r"\w+", re.sub(r"['’‘`ʿʾ]", "", folded))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "-".join(words)


def is_document_actor(actor_id: str) -> bool:
    """Whether `actor_id` (see actor_id) is one document's own description or collective."""
    return actor_id.startswith(DOCUMENT_ACTOR)


def actor_id(entity: dict, doc_id: str) -> str:
    """`reg:<registry id>` for a known entity; else `prov:<kind>:<normalised name>`
    (long or empty names get a hash), the same in every document that names it alike.
    A description or a collective ("the town", "the regime", "civilians") names no one
    in particular: it is `doc:<doc id>:<kind>:<name>`, that document's alone, so "the
    town" of one report is never the town of another."""
    if entity.get("registry_id"):
        return f"reg:{entity['registry_id']}"
    slug = normalise_name(entity["name"])
    if not slug or len(slug) > MAX_SLUG:
        tail = hashlib.sha1(entity["name"].casefold().encode("utf-8")).hexdigest()[:12]
        slug = f"{slug[:MAX_SLUG - 13]}-{tail}" if slug else tail
    if entity.get("subkind") in DOCUMENT_SCOPED:
        return f"{DOCUMENT_ACTOR}{doc_id}:{entity['kind']}:{slug}"
    return f"prov:{entity['kind']}:{slug}"


def build_rows(
    document: Document, record: dict, fingerprint: bytes | None, now: datetime
) -> DocumentRows:
    """Check the record, then map it to rows; raises RecordError on a bad record."""
    check_record(document, record)
    doc_id = document.doc_id
    sha = digest(document, record, fingerprint)
    tables = {
        "documents": [_document_row(document, fingerprint, sha, now)],
        "records": [_record_row(doc_id, record)],
        "entities": [_entity_row(doc_id, e) for e in record.get("entities", [])],
        "mentions": _mention_rows(doc_id, document.text, record.get("entities", [])),
        "events": [_event_row(doc_id, e) for e in record.get("events", [])],
        "event_roles": _role_rows(doc_id, record.get("events", [])),
        "relations": [_relation_row(doc_id, i, r) for i, r in enumerate(record.get("relations", []))],
        "claims": [_claim_row(doc_id, c) for c in record.get("claims", [])],
    }
    return DocumentRows(doc_id, sha, tables)


def _document_row(document: Document, fingerprint: bytes | None, sha: str, now: datetime) -> dict:
    row = document.to_dict()
    row.update(
        published=document.published, text_sha1=document.text_hash,
        fingerprint=fingerprint, digest=sha, ingested_at=now,
    )
    return row


def _record_row(doc_id: str, record: dict) -> dict:
    # The record does not name its extractor yet; fall back to this package's version.
    version = record.get("extractor_version") or __version__
    return {"doc_id": doc_id, "record_schema": record["schema"],
            "extractor_version": str(version), "record": record}


def _entity_row(doc_id: str, entity: dict) -> dict:
    return {
        "doc_id": doc_id, "entity_id": entity["id"], "actor_id": actor_id(entity, doc_id),
        "kind": entity["kind"], "subkind": entity.get("subkind"), "name": entity["name"],
        "registry_id": entity.get("registry_id"),
        "provisional": bool(entity.get("provisional", not entity.get("registry_id"))),
        "geo": entity.get("geo"),
    }


def _mention_rows(doc_id: str, text: str, entities: list[dict]) -> list[dict]:
    return [
        {"doc_id": doc_id, "entity_id": ent["id"], "start": start, "end": end, "text": text[start:end]}
        for ent in entities
        for start, end in sorted({tuple(m) for m in ent["mentions"]})
    ]


def _event_row(doc_id: str, event: dict) -> dict:
    when = event.get("date") or {}
    where = f"{doc_id} event {event['id']}"
    return {
        "doc_id": doc_id, "event_id": event["id"], "type": event["type"], "subtype": event["subtype"],
        "trigger_start": event["trigger"][0], "trigger_end": event["trigger"][1],
        "date_start": _date(when.get("start"), where), "date_end": _date(when.get("end"), where),
        "date_precision": when.get("precision"), "place": event.get("place"),
        "fatalities": event.get("fatalities"), "injured": event.get("injured"),
        "background": bool(event.get("background", False)), "detail": event,
    }


def _role_rows(doc_id: str, events: list[dict]) -> list[dict]:
    rows: dict[tuple, dict] = {}
    for event in events:
        pairs = [(role, ref) for key, role in ROLES for ref in event.get(key, [])]
        if event.get("place"):
            pairs.append(("place", event["place"]))
        for role, ref in pairs:
            key = (event["id"], role, ref)
            rows[key] = {"doc_id": doc_id, "event_id": event["id"], "role": role, "entity_id": ref}
    return list(rows.values())


def _relation_row(doc_id: str, index: int, relation: dict) -> dict:
    return {
        "doc_id": doc_id, "relation_id": f"r{index + 1}", "type": relation["type"],
        "source": relation["source"], "target": relation["target"],
        "negated": bool(relation.get("negated", False)), "detail": relation,
    }


def _claim_row(doc_id: str, claim: dict) -> dict:
    cue = claim.get("cue") or (None, None)
    source = claim.get("source") or {}
    return {
        "doc_id": doc_id, "claim_id": claim["id"],
        "content_start": claim["content"][0], "content_end": claim["content"][1],
        "cue_start": cue[0], "cue_end": cue[1],
        "source_text": source.get("text"), "source_kind": source.get("kind"),
        "source_entity": source.get("entity"), "anonymous": source.get("anonymous"),
        "source_count": source.get("count"), "stance": claim.get("stance"), "detail": claim,
    }


def _date(value: str | None, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise RecordError(f"{where}: date {value!r} is not YYYY-MM-DD") from exc
