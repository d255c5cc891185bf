"""The document view: a text cut into segments, each with the marks (entity mentions,
event triggers, claims, a requested evidence span) that cover it. The template escapes
every segment; nothing here builds HTML."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

PRIORITY = ("evidence", "entity", "event", "claim")  # which mark's link a segment takes


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # entity | event | claim | evidence
    title: str
    href: str | None = None


def segments(text: str, marks: list[Mark]) -> list[dict]:
    """Cut `text` at every mark boundary; each piece lists the marks covering it."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    starts: dict[int, list[Mark]] = {}
    for mark in valid:
        starts.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        pieces.append(_piece(text[a:b], active, a))
    return pieces


def _piece(text: str, covering: list[Mark], offset: int) -> dict:
    if not covering:
        return {"text": text, "kinds": [], "title": "", "href": None, "start": offset}
    ranked = sorted(covering, key=lambda m: PRIORITY.index(m.kind))
    href = next((m.href for m in ranked if m.href), None)
    return {"text": text, "kinds": sorted({m.kind for m in covering}), "href": href, "start": offset,
            "title": "; ".join(dict.fromkeys(m.title for m in ranked))}


def document_marks(record: dict, links: dict, evidence: tuple[int, int] | None) -> list[Mark]:
    """Marks for a stored record, linked to the knowledge base where the item made it there."""
    marks: list[Mark] = []
    for entity in record.get("entities", []):
        actor = links["actors"].get(entity["id"])
        href = f"/actors/{quote(actor, safe=':')}" if actor else None
        title = f"{entity['name']} ({entity['kind']}{'/' + entity['subkind'] if entity.get('subkind') else ''})"
        marks += [Mark(s, e, "entity", title, href) for s, e in entity.get("mentions", [])]
    kb_events = event_ids(links)
    for event in record.get("events", []):
        kb_id = kb_events.get(event["id"])
        href = f"/events/{quote(kb_id)}" if kb_id else None
        start, end = event["trigger"]
        marks.append(Mark(start, end, "event", f"{event['type']} / {event['subtype']}", href))
    for claim in record.get("claims", []):
        source = claim.get("source") or {}
        start, end = claim["content"]
        title = f"claim by {source.get('text') or 'unnamed source'} ({source.get('kind')}, {claim.get('stance')})"
        marks.append(Mark(start, end, "claim", title, f"#claim-{quote(claim['id'])}"))
    if evidence:
        marks.append(Mark(evidence[0], evidence[1], "evidence", "evidence for the selected tie or event"))
    return marks


def event_ids(links: dict) -> dict[str, str]:
    """Per-document event id -> knowledge-base event id, for one document."""
    doc_id = links.get("doc_id")
    found = {}
    for event in links["events"]:
        for report in event.get("reports", []):
            if report.get("doc_id") == doc_id:
                found[report["event_id"]] = event["id"]
    return found


def relation_ids(links: dict) -> dict[str, str]:
    doc_id = links.get("doc_id")
    return {report["relation_id"]: rel["id"] for rel in links["relations"]
            for report in rel.get("reports", []) if report.get("doc_id") == doc_id}
