"""Events across documents: reports of one event become one event with all its reports.

Two reports are of one event when they come from different documents (or repeat each
other exactly within one: same sub-event type, dates and named place), have the same
ACLED event type (the sub-event type family), their date intervals overlap, their
places are the same named place or both site- or city-precise and within 25 km, and
their actors are compatible (no actor is the perpetrator in one and the target in the
other). Clustering is complete-linkage over candidate pairs taken best first, in a
fixed order, so the result does not depend on the order of ingestion. Conflicting
details are kept side by side: each reported death toll, each named perpetrator, with
the documents that report it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date

from claimgraph.assess import assess, split_by_stance
from claimgraph.kb.claims import claim_view, contradicting, linked_claims, outlet_view, sentence_span
from claimgraph.kb.corpus import Corpus
from claimgraph.kb.facts import fact_id, sides

MAX_KM = 25.0
PRECISE = ("site", "city")
PRECISION_RANK = {"site": 0, "city": 1, "region": 2, "country": 3, None: 4}


def event_reports(corpus: Corpus) -> list[dict]:
    reports = []
    for doc_id in sorted(corpus.records):
        for event in corpus.records[doc_id].get("events", []):
            reports.append(_report(corpus, doc_id, event))
    return reports


def _report(corpus: Corpus, doc_id: str, event: dict) -> dict:
    doc, record = corpus.docs[doc_id], corpus.records[doc_id]
    when = event.get("date") or {}
    linked = linked_claims(record, event.get("claims", []))
    views = [claim_view(doc, c, corpus.actor_of(doc_id)) for c in linked] or [outlet_view(doc, event["trigger"])]
    s, e = sentence_span(doc["text"], *event["trigger"])
    return {
        "doc_id": doc_id, "event_id": event["id"], "story_id": doc["story_id"],
        "outlet": doc.get("outlet"), "published": doc.get("published_iso"),
        "type": event["type"], "subtype": event["subtype"], "trigger": event["trigger"],
        "text": doc["text"][s:e].strip(), "background": bool(event.get("background")),
        "start": _day(when.get("start")), "end": _day(when.get("end")),
        "date": {k: when.get(k) for k in ("start", "end", "precision", "text")} if when else None,
        "place": _place(corpus, doc_id, event.get("place")),
        "perpetrators": [corpus.label(doc_id, ref) for ref in event.get("perpetrators", [])],
        "targets": [corpus.label(doc_id, ref) for ref in event.get("targets", [])],
        "weapons": sorted({corpus.entity(doc_id, ref)["name"] for ref in event.get("weapons", [])}),
        "fatalities": event.get("fatalities"), "injured": event.get("injured"),
        "claims": views,
        "opposed": [claim_view(doc, c, corpus.actor_of(doc_id))
                    for c in contradicting(record, {c["id"] for c in linked})],
    }


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _place(corpus: Corpus, doc_id: str, ref: str | None) -> dict | None:
    if not ref:
        return None
    entity, key = corpus.entity(doc_id, ref), corpus.actor_of(doc_id)[ref]
    geo = entity.get("geo") or {}
    return {"key": key, "name": entity["name"], "lat": geo.get("lat"), "lon": geo.get("lon"),
            "precision": geo.get("precision") or (entity.get("subkind") if entity.get("subkind") in
                                                  ("city", "region", "country") else None),
            "country": geo.get("country")}


def km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def same_place(a: dict | None, b: dict | None) -> float | None:
    """Distance in km where the places allow one (0 for the same named place), else None."""
    if not a or not b:
        return None
    if a["key"] == b["key"]:
        return 0.0
    located = all(p["lat"] is not None and p["precision"] in PRECISE for p in (a, b))
    if located:
        distance = km(a, b)
        return distance if distance <= MAX_KM else None
    return None


def compatible(a: dict, b: dict) -> float | None:
    """A score (higher is closer) when `a` and `b` may report one event, else None."""
    if a["type"] != b["type"] or (a["doc_id"] == b["doc_id"] and not _repeat(a, b)):
        return None
    if not (a["start"] and b["start"] and a["end"] and b["end"]):
        return None
    overlap = (min(a["end"], b["end"]) - max(a["start"], b["start"])).days + 1
    if overlap <= 0:
        return None
    distance = same_place(a["place"], b["place"])
    if distance is None or _roles_reversed(a, b):
        return None
    span = (max(a["end"], b["end"]) - min(a["start"], b["start"])).days + 1
    return overlap / span + (a["subtype"] == b["subtype"]) - distance / MAX_KM


def _repeat(a: dict, b: dict) -> bool:
    """Two events of one report are one only when they repeat each other exactly (same
    sub-event type, dates and named place): the record says they are distinct otherwise."""
    return bool(a["place"] and b["place"]) and all(
        a[k] == b[k] for k in ("subtype", "start", "end")) and a["place"]["key"] == b["place"]["key"]


def _roles_reversed(a: dict, b: dict) -> bool:
    ids = lambda report, role: {x["actor_id"] for x in report[role]}  # noqa: E731
    return bool(ids(a, "perpetrators") & ids(b, "targets") or ids(a, "targets") & ids(b, "perpetrators"))


def candidate_pairs(reports: list[dict]) -> Iterator[tuple[dict, dict]]:
    """The pairs that can be compatible: same event type and overlapping date intervals.
    Reports are blocked by type and swept in date order, so a report is compared only
    with those whose interval is still open at its start (not with every other report)."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for report in reports:
        if report["start"] and report["end"]:
            by_type[report["type"]].append(report)
    for block in by_type.values():
        block.sort(key=lambda r: (r["start"], r["doc_id"], r["event_id"]))
        open_reports: list[dict] = []
        for report in block:
            open_reports = [r for r in open_reports if r["end"] >= report["start"]]
            for earlier in open_reports:
                yield earlier, report
            open_reports.append(report)


def cluster(reports: list[dict]) -> list[list[dict]]:
    key = lambda r: (r["doc_id"], r["event_id"])  # noqa: E731
    ordered = sorted(reports, key=key)
    pairs = []
    for a, b in candidate_pairs(ordered):
        if key(b) < key(a):
            a, b = b, a
        score = compatible(a, b)
        if score is not None:
            pairs.append((-score, key(a), key(b)))
    group = {key(r): (key(r),) for r in ordered}
    by_key = {key(r): r for r in ordered}
    for _, ka, kb in sorted(pairs):
        ga, gb = group[ka], group[kb]
        if ga is gb or not _can_join(ga, gb, by_key):
            continue
        joined = tuple(sorted(ga + gb))
        for member in joined:
            group[member] = joined
    unique = {id(g): g for g in group.values()}
    return sorted(([by_key[k] for k in g] for g in unique.values()), key=lambda g: key(g[0]))


def _can_join(ga: tuple, gb: tuple, by_key: dict) -> bool:
    return all(compatible(by_key[a], by_key[b]) is not None for a in ga for b in gb)


def event_facts(corpus: Corpus) -> list[dict]:
    return [merge_event(group) for group in cluster(event_reports(corpus))]


def merge_event(reports: list[dict]) -> dict:
    first = min(reports, key=lambda r: (r["published"] or "9999", r["doc_id"], r["event_id"]))
    for_, against = sides(reports)
    support, hedges, silent = split_by_stance(for_)
    subjects = {x["actor_id"] for r in reports for x in r["perpetrators"]}
    grading = assess(support, hedges, against, subjects)
    perpetrators, targets = _roles(reports, "perpetrators"), _roles(reports, "targets")
    fatalities, injured = _values(reports, "fatalities"), _values(reports, "injured")
    conflicts = _conflicts(reports, perpetrators, fatalities, injured)
    place = _best_place(reports)
    return {
        "id": fact_id("event", first["doc_id"], first["event_id"]), "kind": "event",
        "type": _commonest(r["type"] for r in reports), "subtype": _commonest(r["subtype"] for r in reports),
        "subtypes_reported": sorted({r["subtype"] for r in reports}),
        "date": _date(reports), "dates_reported": _reported(reports, "date"),
        "place": place, "places_reported": _reported(reports, "place"),
        "perpetrators": perpetrators, "targets": targets,
        "weapons": sorted({w for r in reports for w in r["weapons"]}),
        "fatalities": fatalities, "injured": injured,
        "background": all(r["background"] for r in reports),
        **grading, "disputed": bool(conflicts) or (bool(against) and bool(support or hedges)),
        "conflicts": conflicts, "claims": for_ + against,
        "sides": {"for": for_, "against": against} if against else None,
        "no_comment": [c["source_text"] for c in silent],
        "documents": sorted({r["doc_id"] for r in reports}), "stories": sorted({r["story_id"] for r in reports}),
        "reports": [{k: r[k] for k in ("doc_id", "event_id", "story_id", "outlet", "published", "subtype",
                                       "date", "trigger", "text", "fatalities", "injured", "background")}
                    for r in reports],
    }


def _commonest(values) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _roles(reports: list[dict], role: str) -> list[dict]:
    found: dict[str, dict] = {}
    for report in reports:
        for actor in report[role]:
            entry = found.setdefault(actor["actor_id"], {**actor, "documents": []})
            if report["doc_id"] not in entry["documents"]:
                entry["documents"].append(report["doc_id"])
    return [found[k] for k in sorted(found)]


def _values(reports: list[dict], key: str) -> list[dict]:
    found: dict[int, list[str]] = {}
    for report in reports:
        if report[key] is not None:
            found.setdefault(report[key], []).append(report["doc_id"])
    return [{"value": value, "documents": sorted(set(docs))} for value, docs in sorted(found.items())]


def _conflicts(reports: list[dict], perpetrators: list[dict], fatalities: list[dict], injured: list[dict]) -> list[str]:
    out = []
    for name, values in (("fatalities", fatalities), ("injured", injured)):
        if len(values) > 1:
            out.append(f"{name}: " + " vs ".join(f"{v['value']} ({', '.join(v['documents'])})" for v in values))
    naming = [r for r in reports if r["perpetrators"]]
    sets = {frozenset(a["actor_id"] for a in r["perpetrators"]) for r in naming}
    if len(sets) > 1 and not frozenset.intersection(*sets):
        out.append("perpetrators: " + " vs ".join(
            f"{p['name']} ({', '.join(p['documents'])})" for p in perpetrators))
    return out


def _date(reports: list[dict]) -> dict | None:
    dated = [r for r in reports if r["start"] and r["end"]]
    if not dated:
        return None
    start, end = max(r["start"] for r in dated), min(r["end"] for r in dated)
    narrowest = min(dated, key=lambda r: ((r["end"] - r["start"]).days, r["doc_id"]))
    if start > end:  # cannot happen inside one cluster; kept honest all the same
        start, end = min(r["start"] for r in dated), max(r["end"] for r in dated)
        return {"start": start.isoformat(), "end": end.isoformat(), "precision": "range", "text": None}
    precision = narrowest["date"]["precision"] if (start, end) == (narrowest["start"], narrowest["end"]) else "range"
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": precision,
            "text": narrowest["date"].get("text")}


def _best_place(reports: list[dict]) -> dict | None:
    places = [r["place"] for r in reports if r["place"]]
    if not places:
        return None
    counts = Counter(p["key"] for p in places)
    best = min(places, key=lambda p: (PRECISION_RANK.get(p["precision"], 4), p["lat"] is None, -counts[p["key"]], p["key"]))
    return {k: best[k] for k in ("name", "lat", "lon", "precision", "country")} | {"id": best["key"]}


def _reported(reports: list[dict], key: str) -> list[dict]:
    return [{"doc_id": r["doc_id"], key: r[key]} for r in reports if r[key]]
