"""Hand-made documents and records, for exact control of what the knowledge base sees."""

from __future__ import annotations

from datetime import date

from claimgraph.document import Document


def span(text: str, phrase: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return [start, start + len(phrase)]


class Doc:
    """Build a document and its record: entities, claims, relations and events by phrase."""

    def __init__(self, doc_id: str, text: str, outlet: str | None = None, published: date | None = date(2021, 5, 10),
                 title: str | None = None):
        self.document = Document(doc_id, text, title=title or doc_id, published=published, outlet=outlet)
        self.record = {"schema": "extraction/1", "doc_id": doc_id, "published": published and published.isoformat(),
                       "text_sha1": self.document.text_hash, "entities": [], "events": [], "relations": [],
                       "claims": [], "notes": []}

    def entity(self, name: str, phrase: str | None = None, kind: str = "organization", registry_id: str | None = None,
               subkind: str | None = None, geo: dict | None = None) -> str:
        eid = f"e{len(self.record['entities']) + 1}"
        self.record["entities"].append({
            "id": eid, "kind": kind, "subkind": subkind, "name": name, "registry_id": registry_id,
            "mentions": [span(self.document.text, phrase or name)], "geo": geo, "provisional": registry_id is None})
        return eid

    def claim(self, content: str, source: str | None, kind: str = "official", stance: str = "asserts",
              anonymous: bool = True, count: int = 1, entity: str | None = None, contradicts=()) -> str:
        cid = f"c{len(self.record['claims']) + 1}"
        text = self.document.text
        self.record["claims"].append({
            "id": cid, "content": span(text, content), "cue": None, "stance": stance,
            "source": {"span": span(text, source) if source else None, "text": source, "entity": entity,
                       "kind": kind, "anonymous": anonymous, "count": count},
            "corroborated_by": [], "contradicts": list(contradicts)})
        return cid

    def relation(self, type_: str, source: str, target: str, evidence: str, claims=(), negated: bool = False) -> None:
        self.record["relations"].append({"type": type_, "source": source, "target": target,
                                         "evidence": [span(self.document.text, evidence)],
                                         "claims": list(claims), "negated": negated})

    def event(self, trigger: str, start: str, end: str | None = None, place: str | None = None,
              perpetrators=(), targets=(), fatalities: int | None = None, claims=(),
              type_: str = "Explosions/Remote violence", subtype: str = "Air/drone strike",
              precision: str = "day") -> str:
        vid = f"v{len(self.record['events']) + 1}"
        self.record["events"].append({
            "id": vid, "type": type_, "subtype": subtype, "trigger": span(self.document.text, trigger),
            "date": {"start": start, "end": end or start, "precision": precision, "text": start},
            "place": place, "perpetrators": list(perpetrators), "targets": list(targets), "weapons": [],
            "fatalities": fatalities, "injured": None, "background": False, "claims": list(claims)})
        return vid
