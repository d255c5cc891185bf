"""Claims as the knowledge base shows them: the record's claim with its document,
sentence, outlet and story, plus the key that says which source it comes from.

A fact the report states without naming anyone is carried by an implicit claim of the
outlet itself (source_kind "outlet"), so every fact lists at least one claim.
"""

from __future__ import annotations

import re

from claimgraph.registry.actors import normalize_name

SUPPORT = ("asserts", "claims_responsibility")
_BOUNDARY = re.compile(r"[.!?…][\"”’)]*\s+|\n")
_NUMBER = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\b", re.I)
_LEADING = re.compile(r"^(?:an?|the|one|another|some|several)\s+", re.I)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around [start, end)."""
    begin = 0
    for match in _BOUNDARY.finditer(text, 0, start):
        begin = match.end()
    after = _BOUNDARY.search(text, max(start, end - 1))
    stop = after.start() + 1 if after else len(text)
    return begin, max(stop, end)


def in_headline(doc: dict, start: int) -> bool:
    """Whether `start` falls in the document's headline: its first line, when that line
    is the document's title."""
    text, title = doc["text"], (doc.get("title") or "").strip()
    first_line_end = text.find("\n")
    if not title or first_line_end < 0 or start >= first_line_end:
        return False
    return text[:first_line_end].strip().casefold() == title.casefold()


def claim_view(doc: dict, claim: dict, actor_of: dict[str, str]) -> dict:
    """A record claim -> the knowledge base's view of it."""
    source = claim.get("source") or {}
    start, end = claim["content"]
    s, e = sentence_span(doc["text"], start, end)
    return {
        "claim_id": claim["id"], "doc_id": doc["doc_id"], "story_id": doc["story_id"],
        "span": [start, end], "content": doc["text"][start:end], "text": doc["text"][s:e].strip(),
        "source_text": source.get("text") or doc.get("outlet") or "the report",
        "source_kind": source.get("kind") or "outlet",
        "source_actor": actor_of.get(source.get("entity")) if source.get("entity") else None,
        "anonymous": bool(source.get("anonymous", False)), "count": source.get("count") or 1,
        "stance": claim.get("stance", "asserts"), "headline": in_headline(doc, start),
        "outlet": doc.get("outlet"), "reliability": doc["reliability"], "published": doc.get("published_iso"),
    }


def outlet_view(doc: dict, span: list[int], stance: str = "asserts") -> dict:
    """The implicit claim of the outlet for a fact it states in its own voice."""
    start, end = span
    s, e = sentence_span(doc["text"], start, end)
    return {
        "claim_id": None, "doc_id": doc["doc_id"], "story_id": doc["story_id"],
        "span": [start, end], "content": doc["text"][start:end], "text": doc["text"][s:e].strip(),
        "source_text": doc.get("outlet") or "the report (no outlet named)", "source_kind": "outlet",
        "source_actor": None, "anonymous": False, "count": 1, "stance": stance,
        "headline": in_headline(doc, start),
        "outlet": doc.get("outlet"), "reliability": doc["reliability"], "published": doc.get("published_iso"),
    }


def source_key(view: dict) -> tuple:
    """Which source a claim comes from. A named person or organisation is one source
    wherever it is quoted; an unnamed one ("an Iraqi security official") is told apart
    from others by its phrase, and only within its story ("a second Iraqi security
    official" is another source; the same phrase in another story may be anyone);
    the outlet's own voice is one source per story."""
    if view["source_actor"]:
        return ("actor", view["source_actor"])
    if view["source_kind"] == "outlet":
        return ("outlet", view["story_id"])
    phrase = normalize_name(_LEADING.sub("", view["source_text"] or ""))
    if not view["anonymous"] and phrase:
        return ("named", phrase)
    return ("unnamed", view["story_id"], phrase)


def source_weight(view: dict) -> int:
    """How many sources one phrase stands for: its count where the phrase gives a
    number ("three commanders"), else one (a bare plural is at least one)."""
    if view["source_kind"] != "outlet" and view["count"] > 1 and _NUMBER.search(view["source_text"] or ""):
        return int(view["count"])
    return 1


def linked_claims(record: dict, ids: list[str]) -> list[dict]:
    """The claims `ids` names, with those the record says corroborate them."""
    by_id = {c["id"]: c for c in record.get("claims", [])}
    found = [by_id[i] for i in ids if i in by_id]
    extra = [by_id[j] for c in found for j in c.get("corroborated_by", []) if j in by_id]
    seen: dict[str, dict] = {}
    for claim in found + extra:
        seen.setdefault(claim["id"], claim)
    return list(seen.values())


def contradicting(record: dict, ids: set[str]) -> list[dict]:
    """Claims of the record that contradict any of `ids`, either way round."""
    out = []
    for claim in record.get("claims", []):
        if claim["id"] in ids:
            continue
        against = set(claim.get("contradicts", []))
        if against & ids or any(claim["id"] in c.get("contradicts", []) for c in record["claims"] if c["id"] in ids):
            out.append(claim)
    return out
