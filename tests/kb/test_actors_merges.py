"""Actors across documents: one per registry id; provisional actors merged by normalised
name, kind and country, each merge recorded with its reason and reversible."""

from __future__ import annotations

from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.kb import KnowledgeBase
from tests.kb.conftest import kb_snapshot, put
from tests.kb.records import Doc

IRAQ = {"lat": 33.31, "lon": 44.36, "country": "IQ", "precision": "city"}
SYRIA = {"lat": 33.51, "lon": 36.29, "country": "SY", "precision": "city"}


def named(doc_id: str, spelling: str, geo: dict, registry_spelling: str = "Quds Force") -> Doc:
    doc = Doc(doc_id, f"{spelling} fighters met the {registry_spelling} in the capital.")
    group = doc.entity(spelling)
    doc.entity("Capital", phrase="capital", kind="place", geo=geo)
    qf = doc.entity("Quds Force", phrase=registry_spelling, registry_id="quds-force")
    doc.relation("allied_with", group, qf, f"{spelling} fighters met the {registry_spelling}")
    return doc


def build(store, *docs: Doc) -> KnowledgeBase:
    for doc in docs:
        put(store, doc.document, doc.record)
    kb = KnowledgeBase(store)
    kb.rebuild()
    return kb


def test_one_actor_per_registry_id_whatever_the_spelling(store):
    kb = build(store, named("a", "Saraya Awliya al-Dam", IRAQ, "Quds Force"),
               named("b", "Saraya Awliya al-Dam", IRAQ, "IRGC-QF"))
    [qf] = kb.actors(q="quds")
    assert qf["actor_id"] == "reg:quds-force" and qf["documents"] == 2
    assert kb.actor("IRGC-QF")["actor_id"] == kb.actor("quds-force")["actor_id"] == "reg:quds-force"


def test_provisional_spellings_in_one_country_are_merged_with_a_reason(store):
    kb = build(store, named("a", "Saraya Awliya al-Dam", IRAQ), named("b", "Saraya Awliya ad-Dam", IRAQ),
               named("c", "Saraya Awliya el-Dam", IRAQ))
    [merge] = kb.merges()
    assert merge["automatic"] and not merge["undone"]
    assert len(merge["members"]) == 3 and "same normalised name 'saraya awliya dam'" in merge["reason"]
    assert "country IQ" in merge["reason"]
    actor = kb.actor("Saraya Awliya ad-Dam")
    assert actor["documents"] == 3 and actor["merge_id"] == merge["merge_id"]
    [tie] = kb.relations(actor="Saraya Awliya al-Dam")
    assert tie["documents"] == ["a", "b", "c"]


def test_descriptions_stay_with_their_document_and_out_of_actor_lists(store):
    docs = []
    for doc_id in ("a", "b"):
        doc = Doc(doc_id, "The regime shelled the town. The Quds Force said so.")
        regime = doc.entity("regime", phrase="The regime", subkind="description")
        doc.entity("town", phrase="the town", kind="place", subkind="description")
        qf = doc.entity("Quds Force", registry_id="quds-force")
        doc.relation("supports", qf, regime, "The regime shelled the town")
        docs.append(doc)
    kb = build(store, *docs)
    assert kb.merges() == []
    regimes = kb.actors(kind="description")
    assert sorted(a["actor_id"] for a in regimes) == ["doc:a:organization:regime", "doc:b:organization:regime"]
    assert all(a["documents"] == 1 for a in regimes)
    assert [a["actor_id"] for a in kb.actors()] == ["reg:quds-force"]
    assert len(kb.actors(everyone=True)) == 3
    assert kb.relations() == [], "a tie to 'the regime' of one report is no tie of the network"


def test_the_same_name_in_another_country_is_another_actor(store):
    kb = build(store, named("a", "Saraya Awliya al-Dam", IRAQ), named("b", "Saraya Awliya ad-Dam", SYRIA))
    assert kb.merges() == []
    assert len(kb.actors(q="awliya")) == 2


def test_undo_keeps_the_merge_listed_and_survives_rebuilds(store):
    kb = build(store, named("a", "Saraya Awliya al-Dam", IRAQ), named("b", "Saraya Awliya ad-Dam", IRAQ))
    [merge] = kb.merges()
    undone = kb.undo_merge(merge["merge_id"])
    assert undone["undone"] and undone["undone_at"]
    assert len(kb.actors(q="awliya")) == 2 and len(kb.relations(type="allied_with")) == 2
    kb.rebuild()
    assert [m["undone"] for m in kb.merges()] == [True]
    assert len(kb.actors(q="awliya")) == 2


def test_merges_list_and_undo_on_the_command_line(store):
    build(store, named("a", "Saraya Awliya al-Dam", IRAQ), named("b", "Saraya Awliya ad-Dam", IRAQ))
    url = store.engine.url.render_as_string(hide_password=False)
    listed = CliRunner().invoke(cli, ["merges", "list", "--db", url])
    assert listed.exit_code == 0 and "active" in listed.output
    merge_id = listed.output.split()[0]
    undone = CliRunner().invoke(cli, ["merges", "undo", merge_id, "--db", url])
    assert undone.exit_code == 0 and "undone" in undone.output
    missing = CliRunner().invoke(cli, ["merges", "undo", "merge-nope", "--db", url])
    assert missing.exit_code == 1 and "no merge 'merge-nope'" in missing.output


def test_rebuilding_twice_changes_nothing(store):
    kb = build(store, named("a", "Saraya Awliya al-Dam", IRAQ), named("b", "Saraya Awliya ad-Dam", IRAQ))
    before = kb_snapshot(store)
    kb.rebuild()
    assert kb_snapshot(store) == before
