"""Exports: STIX 2.1 (valid under stix2-validator, stable ids), ACLED CSV, GraphML and
GEXF (Gephi), and the records as JSON Lines, each read back and compared."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
import stix2
from stix2validator import ValidationOptions, validate_string

from claimgraph.export import export
from claimgraph.export.acled_csv import COLUMNS
from claimgraph.export.stix import relation_objects, sid
from tests.kb.corpus import independent_reports, reprints, seed_document


@pytest.fixture
def kb(store, load):
    return load(store, [*reprints(), seed_document(), *independent_reports()])


def exported(kb, fmt: str) -> str:
    out = io.StringIO()
    export(kb.store, fmt, out)
    return out.getvalue()


def test_stix_bundle_is_valid_and_stable(kb):
    text = exported(kb, "stix")
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert result.is_valid, result.as_dict()
    assert exported(kb, "stix") == text, "deterministic ids and timestamps"
    bundle = stix2.parse(text, allow_custom=False)
    kinds = {obj.type for obj in bundle.objects}
    assert {"threat-actor", "identity", "relationship", "note", "report", "location"} <= kinds
    relationships = [o for o in bundle.objects if o.type == "relationship"]
    ties = [r for r in relationships if not r.source_ref.startswith("incident--")]
    facts = [f for f in kb.relations() if not f["negated"]]
    assert len(ties) <= len(facts)
    assert {getattr(r, "confidence", None) for r in relationships} <= {90, 70, 50, 30, 10, None}
    reports = [o for o in bundle.objects if o.type == "report"]
    assert len(reports) == len(kb.store.documents())


def test_tie_summaries_match_the_relation_facts(kb):
    facts = {f["id"]: f for f in kb.relations()}
    ties = kb.ties()
    assert ties and {t["id"] for t in ties} == set(facts)
    for tie in ties:
        fact = facts[tie["id"]]
        assert tie == {k: fact[k] for k in tie}, tie["id"]
    assert {t["id"] for t in kb.ties(type="part_of")} == {f["id"] for f in kb.relations(type="part_of")}
    assert {t["id"] for t in kb.ties(min_grade=3)} == {f["id"] for f in kb.relations(min_grade=3)}
    ends = {e["actor_id"] for t in ties for e in (t["source"], t["target"])}
    found = kb.actors_by_id(ends)
    assert set(found) <= ends and {a["actor_id"] for a in kb.actors(everyone=True, limit=10_000)} & ends <= set(found)


def test_stix_events_are_incidents_tied_to_their_place_and_actors(kb):
    bundle = stix2.parse(exported(kb, "stix"))
    by_id = {o.id: o for o in bundle.objects}
    incidents = [o for o in bundle.objects if o.type == "incident"]
    assert len(incidents) == len(kb.events())
    links = [o for o in bundle.objects if o.type == "relationship" and o.source_ref.startswith("incident--")]
    located = {r.source_ref: by_id[r.target_ref] for r in links if r.relationship_type == "located-at"}
    for event in kb.events():
        incident = by_id[sid("incident", event["id"])]
        assert event["subtype"] in incident.name
        assert f"precision {event['date']['precision']}" in incident.description
        if event["place"] and event["place"]["lat"] is not None:
            assert located[incident.id].latitude == event["place"]["lat"]
        perpetrators = {by_id[r.target_ref].name for r in links
                        if r.source_ref == incident.id and r.relationship_type == "attributed-to"}
        assert perpetrators == {p["name"] for p in event["perpetrators"]}


def test_stix_denied_ties_are_notes_not_relationships():
    actors = {"a": {"actor_id": "a", "name": "New Faction", "kind": "organization", "subkind": "armed_group",
                    "aliases": [], "documents": 1},
              "b": {"actor_id": "b", "name": "Kataib Hezbollah", "kind": "organization", "subkind": "armed_group",
                    "aliases": [], "documents": 1}}
    claim = {"doc_id": "d1", "claim_id": "c1", "span": [10, 60], "source_text": "an Iraqi official",
             "source_kind": "person", "stance": "denies", "text": "They operate independently.",
             "published": "2021-05-01", "reliability": "F", "side": "against"}
    fact = {"id": "rel-1", "type": "front_for", "negated": True, "source": {"actor_id": "a", "name": "New Faction"},
            "target": {"actor_id": "b", "name": "Kataib Hezbollah"}, "claims": [claim]}
    [note] = relation_objects(fact, actors, fronts=set())
    assert note.type == "note" and note.abstract == "Denied: New Faction front_for Kataib Hezbollah"
    assert note.authors == ["an Iraqi official"] and "d1 [10:60]" in note.content
    assert len(note.object_refs) == 2


def test_stix_front_names_are_intrusion_sets(kb):
    bundle = stix2.parse(exported(kb, "stix"))
    fronts = {f["source"]["name"] for f in kb.relations(type="front_for") if not f["negated"]}
    intrusion_sets = {o.name for o in bundle.objects if o.type == "intrusion-set"}
    assert intrusion_sets == fronts


def test_acled_csv_round_trip(kb):
    rows = list(csv.DictReader(io.StringIO(exported(kb, "acled"))))
    events = kb.events()
    assert len(rows) == len(events) and tuple(rows[0]) == COLUMNS
    by_id = {r["event_id_cnty"]: r for r in rows}
    for event in events:
        row = by_id[event["id"]]
        assert row["event_type"] == event["type"] and row["sub_event_type"] == event["subtype"]
        assert row["event_date"] == ((event["date"] or {}).get("start") or "")
        assert int(row["fatalities"]) == min((v["value"] for v in event["fatalities"]), default=0)
        assert event["admiralty"] in row["notes"]


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_round_trip(kb, tmp_path, fmt, read):
    path = tmp_path / f"ties.{fmt}"
    export(kb.store, fmt, path)
    graph = read(path)
    actors = kb.actors(limit=10_000)
    assert {a["actor_id"] for a in actors} <= set(graph.nodes)
    quds = next(a for a in actors if a["actor_id"] == "reg:quds-force")
    assert graph.nodes["reg:quds-force"]["label"] == quds["name"]
    facts = kb.relations()
    assert graph.number_of_edges() == len(facts)
    edge_grades = sorted(int(d["grade"]) for _, _, d in graph.edges(data=True))
    assert edge_grades == sorted(f["grade"] for f in facts)


def test_jsonl_round_trip(kb):
    lines = exported(kb, "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["doc_id"] for r in records] == sorted(d["doc_id"] for d in kb.store.documents())
    for record in records:
        assert record == kb.store.record(record["doc_id"])
