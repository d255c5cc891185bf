"""Events across documents: one event per happening, with all its reports; conflicting
details side by side, never averaged."""

from __future__ import annotations

import time
from datetime import date as day, timedelta
from itertools import combinations

import pytest

from claimgraph.kb import KnowledgeBase
from claimgraph.kb.events import candidate_pairs, km
from tests.kb.conftest import put
from tests.kb.records import Doc

ERBIL_AIRPORT = {"lat": 36.2376, "lon": 43.9632, "country": "IQ", "precision": "site"}
ERBIL_CITY = {"lat": 36.1912, "lon": 44.0092, "country": "IQ", "precision": "city"}
MOSUL = {"lat": 36.34, "lon": 43.13, "country": "IQ", "precision": "city"}


def strike(doc_id: str, place: str, geo: dict, date: str, killed: int | None = None, by: str | None = None,
           end: str | None = None, on: str | None = None) -> Doc:
    text = f"A drone strike hit {place} on {date}, killing people. {by or 'Nobody'} claimed it. {on or 'Nobody'} was hit."
    doc = Doc(doc_id, text, outlet="Example Daily")
    where = doc.entity(place, kind="place", subkind="facility", geo=geo)
    perpetrators = [doc.entity(by, registry_id=None)] if by else []
    targets = [doc.entity(on, phrase=f"{on} was hit")] if on else []
    doc.event("drone strike", date, end, place=where, perpetrators=perpetrators, targets=targets, fatalities=killed,
              precision="day" if not end else "month")
    return doc


def events(store, *docs: Doc) -> list[dict]:
    for doc in docs:
        put(store, doc.document, doc.record)
    kb = KnowledgeBase(store)
    kb.rebuild()
    return kb.events()


def test_reports_within_25_km_and_overlapping_dates_are_one_event(store):
    assert km(ERBIL_AIRPORT, ERBIL_CITY) < 25
    [event] = events(store, strike("a", "Erbil airport", ERBIL_AIRPORT, "2021-04-14"),
                     strike("b", "Erbil", ERBIL_CITY, "2021-04-01", end="2021-04-30"))
    assert [r["doc_id"] for r in event["reports"]] == ["a", "b"]
    assert event["date"]["start"] == event["date"]["end"] == "2021-04-14", "the narrowest interval all allow"
    assert event["place"]["name"] == "Erbil airport" and event["place"]["precision"] == "site"
    assert event["independent_sources"] == 2 and event["grade"] == 1


@pytest.mark.parametrize("other", [
    strike("b", "Mosul", MOSUL, "2021-04-14"),
    strike("b", "Erbil airport", ERBIL_AIRPORT, "2021-04-20"),
], ids=["too-far", "another-day"])
def test_reports_far_apart_in_space_or_time_are_two_events(store, other):
    assert len(events(store, strike("a", "Erbil airport", ERBIL_AIRPORT, "2021-04-14"), other)) == 2


def test_conflicting_death_tolls_and_perpetrators_are_kept_side_by_side(store):
    [event] = events(store, strike("a", "Erbil airport", ERBIL_AIRPORT, "2021-04-14", killed=3, by="Group A"),
                     strike("b", "Erbil airport", ERBIL_AIRPORT, "2021-04-14", killed=5, by="Group B"))
    assert event["fatalities"] == [{"value": 3, "documents": ["a"]}, {"value": 5, "documents": ["b"]}]
    assert [(p["name"], p["documents"]) for p in event["perpetrators"]] == [("Group A", ["a"]), ("Group B", ["b"])]
    assert event["disputed"]
    assert "fatalities: 3 (a) vs 5 (b)" in event["conflicts"]
    assert any(c.startswith("perpetrators: Group A (a) vs Group B (b)") for c in event["conflicts"])


def test_an_actor_on_both_sides_means_two_events(store):
    found = events(store, strike("a", "Erbil airport", ERBIL_AIRPORT, "2021-04-14", by="Group A", on="Group B"),
                   strike("b", "Erbil airport", ERBIL_AIRPORT, "2021-04-14", by="Group B", on="Group A"))
    assert len(found) == 2


def test_event_filters(store):
    events(store, strike("a", "Erbil airport", ERBIL_AIRPORT, "2021-04-14", by="Group A"),
           strike("b", "Mosul", MOSUL, "2021-06-01"))
    kb = KnowledgeBase(store)
    assert [e["place"]["name"] for e in kb.events(since="2021-05-01")] == ["Mosul"]
    assert [e["place"]["name"] for e in kb.events(until="2021-05-01")] == ["Erbil airport"]
    assert [e["place"]["name"] for e in kb.events(actor="Group A")] == ["Erbil airport"]
    assert len(kb.events(country="IQ", type="Air/drone strike")) == 2
    assert [e["place"]["name"] for e in kb.events(bbox=(43.5, 36.0, 44.5, 36.5))] == ["Erbil airport"]
    event = kb.events()[0]
    assert kb.event(event["id"]) == event


def _report(doc_id: str, start: str, end: str, kind: str = "Explosions/Remote violence") -> dict:
    return {"doc_id": doc_id, "event_id": "e1", "type": kind, "start": day.fromisoformat(start),
            "end": day.fromisoformat(end)}


def test_candidate_pairs_are_the_same_type_and_overlapping_dates_only():
    reports = [_report("a", "2021-04-01", "2021-04-30"), _report("b", "2021-04-14", "2021-04-14"),
               _report("c", "2021-05-02", "2021-05-02"), _report("d", "2021-01-01", "2021-12-31"),
               _report("e", "2021-04-14", "2021-04-14", kind="Battles"),
               {**_report("f", "2021-04-14", "2021-04-14"), "start": None, "end": None}]
    pairs = {frozenset((a["doc_id"], b["doc_id"])) for a, b in candidate_pairs(reports)}
    brute = {frozenset((a["doc_id"], b["doc_id"])) for a, b in combinations(reports, 2)
             if a["type"] == b["type"] and a["start"] and b["start"]
             and min(a["end"], b["end"]) >= max(a["start"], b["start"])}
    assert pairs == brute == {frozenset(p) for p in ("ab", "ad", "bd", "cd")}


def test_clustering_many_reports_compares_only_overlapping_ones():
    """Ten thousand single-day reports spread over years: the sweep keeps it near-linear."""
    first = day(2000, 1, 1)
    reports = []
    for i in range(10_000):
        when = (first + timedelta(days=i)).isoformat()
        reports.append(_report(f"d{i:05}", when, when))
    started = time.perf_counter()
    assert sum(1 for _ in candidate_pairs(reports)) == 0
    assert time.perf_counter() - started < 2.0
