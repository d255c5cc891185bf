"""Issue 7's "done when", on the real extractor: the demo corpus ingested twice or in
another order gives the same knowledge base; reprints are one story; each attack is one
event with all its reports, its independent sources and grade as the rules give;
`claimgraph actor "Quds Force"` prints a dossier with sources."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from claimgraph.assess import independent_sources
from claimgraph.cli import cli
from claimgraph.document import Document
from claimgraph.kb import KnowledgeBase
from tests.kb.conftest import kb_snapshot
from tests.kb.corpus import DEMO, independent_reports, reprints, seed_document

ATTACKS = {"Ain al-Asad Air Base": ("2021-05-08", "2021-05-31"), "Erbil International Airport": ("2021-04-01", "2021-04-30")}


def demo_documents() -> list[Document]:
    docs = []
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        published = date.fromisoformat(item["published"]) if item.get("published") else None
        docs.append(Document(item["doc_id"], item["text"], title=item["title"], published=published,
                             outlet=item.get("outlet"), url=item.get("url")))
    return docs


@pytest.fixture(scope="module")
def demo() -> list[Document]:
    return demo_documents()


def test_ingesting_the_demo_twice_changes_nothing(store, load, demo):
    load(store, demo)
    before = kb_snapshot(store)
    assert before["kb_items"], "the demo gives facts"
    load(store, demo)
    assert kb_snapshot(store) == before


def test_another_order_gives_the_same_knowledge_base(store_factory, load, demo):
    first = store_factory()
    load(first, demo)
    forward = kb_snapshot(first)
    first.close()
    second = store_factory()
    load(second, list(reversed(demo)))
    assert kb_snapshot(second) == forward


@pytest.fixture
def attacks_kb(store, load) -> KnowledgeBase:
    return load(store, [*reprints(), seed_document(), *independent_reports()])


def test_the_reprints_are_one_story(attacks_kb):
    stories = {s["story_id"]: {d["doc_id"] for d in s["documents"]} for s in attacks_kb.stories()}
    assert {"seed-iran-iraqi-militias", "reprint-site", "reprint-blog", "reprint-aggregator"} in stories.values()
    assert {"indep-asad"} in stories.values() and {"indep-erbil"} in stories.values()


@pytest.mark.parametrize("place", list(ATTACKS))
def test_each_attack_is_one_event_with_all_its_reports(attacks_kb, place):
    found = [e for e in attacks_kb.events(type="Air/drone strike") if (e["place"] or {}).get("name") == place]
    assert len(found) == 1, [e["documents"] for e in found]
    [event] = found
    assert set(event["documents"]) == {"seed-iran-iraqi-militias", "reprint-site", "reprint-blog",
                                       "reprint-aggregator", "indep-asad", "indep-erbil"}
    assert len(event["stories"]) == 3
    low, high = ATTACKS[place]
    assert low <= event["date"]["start"] <= event["date"]["end"] <= high
    # The count follows the rules: the four copies of the seed add what one of them says.
    per_story = {}
    for claim in event["claims"]:
        per_story.setdefault(claim["story_id"], []).append(claim)
    seed_story = next(s for s in event["stories"] if s not in ("story:indep-asad", "story:indep-erbil"))
    assert independent_sources(per_story[seed_story])[0] == independent_sources(
        [c for c in per_story[seed_story] if c["doc_id"] == "seed-iran-iraqi-militias"])[0]
    assert event["independent_sources"] == independent_sources(event["claims"])[0] >= 3
    assert event["grade"] == 1 and not event["sides"], "confirmed: independent sources, nothing against"


def test_quds_force_dossier_on_the_command_line_shows_sources(store, load, demo, tmp_path):
    load(store, demo)
    url = store.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(cli, ["actor", "Quds Force", "--db", url])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Quds Force [reg:quds-force]")
    assert "aliases: " in out and "IRGC-QF" in out
    assert "Islamic Revolutionary Guard Corps" in out and "grade F3" in out and "because:" in out
    assert "in seed-iran-iraqi-militias [" in out, "each tie shows the claims behind it, with document and span"
    as_json = json.loads(CliRunner().invoke(cli, ["actor", "Quds Force", "--db", url, "--json"]).output)
    assert as_json["ties"] and all(t["claims"] for t in as_json["ties"])


@pytest.mark.parametrize("args, expect", [
    (["actors", "--q", "quds"], "Quds Force [reg:quds-force]"),
    (["events", "--country", "IQ"], "reports:"),
    (["claims", "--about", "Quds Force"], "bears on:"),
    (["network", "Quds Force", "--depth", "2"], "brokers:"),
    (["actor", "Nobody Anywhere"], "no actor 'Nobody Anywhere'"),
], ids=["actors", "events", "claims", "network", "not-found"])
def test_query_commands(store, load, demo, args, expect):
    load(store, demo)
    url = store.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(cli, [*args, "--db", url])
    assert expect in result.output
    assert result.exit_code == (1 if "Nobody" in args[-1] else 0)


def test_network_of_quds_force(store, load, demo):
    kb = load(store, demo)
    net = kb.network("Quds Force", depth=2)
    ids = {n["id"] for n in net["nodes"]}
    assert {"reg:quds-force", "reg:irgc", "reg:esmail-ghaani"} <= ids
    assert net["brokers"] and net["centrality"]["reg:quds-force"] > 0
    assert max(n["distance"] for n in net["nodes"]) <= 2
