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
    facts = [f for f in kb.relations() if not f["negated"]]
    assert len(relationships) <= len(facts)
    assert {getattr(r, "confidence", None) for r in relationships} <= {90, 70, 50, 30, 10, None}
    reports = [o for o in bundle.objects if o.type == "report"]
    assert len(reports) == len(kb.store.documents())


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
