"""A rebuild: from the store's documents and records to the rows of the knowledge-base
tables. Pure over its inputs (sorted by doc_id), so two stores holding the same
documents get the same knowledge base whatever order they were ingested in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimgraph.kb.actors import build_actors, canonical_map, collect_members, name_keys, propose_merges
from claimgraph.kb.corpus import Corpus
from claimgraph.kb.events import event_facts
from claimgraph.kb.facts import relation_facts
from claimgraph.kb.stories import cluster_stories
from claimgraph.registry.actors import Registry
from claimgraph.registry.outlets import Outlets


@dataclass
class Built:
    tables: dict[str, list[dict]]
    merges: list[dict]
    counts: dict[str, int]


def build(documents: list[dict], records: list[dict], registry: Registry, outlets: Outlets,
          undone: set[str]) -> Built:
    stories = cluster_stories(documents)
    docs = _documents(documents, stories, outlets)
    by_doc = {r["doc_id"]: r for r in records if r["doc_id"] in docs}
    members = collect_members([by_doc[k] for k in sorted(by_doc)], registry)
    merges = propose_merges(members)
    mapping = canonical_map(members, merges, undone)
    actors = build_actors(members, mapping, registry, merges, undone)
    corpus = Corpus(docs, by_doc, actors, mapping)
    relations, events = relation_facts(corpus), event_facts(corpus)
    claims = claim_items(relations + events)
    tables = {
        "kb_stories": stories,
        "kb_actors": [_actor_row(a) for a in actors.values()],
        "kb_actor_members": [{"member_id": m, "actor_id": a} for m, a in sorted(mapping.items())],
        "kb_actor_names": sorted(({"name_key": k, "actor_id": a["actor_id"]} for a in actors.values()
                                  for k in name_keys(a)), key=lambda r: (r["name_key"], r["actor_id"])),
        "kb_items": [item_row(f) for f in relations + events + claims],
        "kb_item_actors": item_actor_rows(relations, events, claims),
    }
    counts = {"documents": len(docs), "stories": len({s["story_id"] for s in stories}), "actors": len(actors),
              "merges": len([m for m in merges if m["merge_id"] not in undone]),
              "relations": len(relations), "events": len(events), "claims": len(claims)}
    return Built(tables, merges, counts)


def _documents(documents: list[dict], stories: list[dict], outlets: Outlets) -> dict[str, dict]:
    story_of = {s["doc_id"]: s["story_id"] for s in stories}
    docs = {}
    for doc in documents:
        grade, entry = outlets.grade(doc.get("outlet"), doc.get("url"))
        published = doc.get("published")
        docs[doc["doc_id"]] = {
            **{k: doc.get(k) for k in ("doc_id", "title", "outlet", "url", "wire", "text", "published")},
            "published_iso": published.isoformat() if published else None,
            "reliability": grade, "outlet_entry": entry, "story_id": story_of[doc["doc_id"]],
        }
    return docs


def claim_items(facts: list[dict]) -> list[dict]:
    """Every claim behind a fact, once, with the facts it bears on."""
    found: dict[str, dict] = {}
    for fact in facts:
        for view in fact["claims"]:
            key = f"claim-{view['doc_id']}-" + (view["claim_id"] or "outlet-{}-{}".format(*view["span"]))
            item = found.setdefault(key, {**{k: v for k, v in view.items() if k != "side"}, "id": key,
                                          "kind": "claim", "facts": []})
            item["facts"].append({"id": fact["id"], "kind": fact["kind"], "side": view["side"],
                                  "summary": summary(fact)})
    return [found[k] for k in sorted(found)]


def summary(fact: dict) -> str:
    if fact["kind"] == "relation":
        verb = f"not {fact['type']}" if fact["negated"] else fact["type"]
        return f"{fact['source']['name']} {verb} {fact['target']['name']}"
    when = (fact.get("date") or {}).get("start") or "undated"
    place = (fact.get("place") or {}).get("name") or "unknown place"
    return f"{fact['subtype']} at {place}, {when}"


def _actor_row(actor: dict) -> dict:
    columns = ("actor_id", "name", "kind", "subkind", "country", "provisional", "documents", "mentions")
    return {**{k: actor[k] for k in columns}, "data": {k: v for k, v in actor.items() if k not in columns}}


def item_row(item: dict) -> dict:
    when, place = item.get("date") or {}, item.get("place") or {}
    return {
        "item_id": item["id"], "item_kind": item["kind"], "type": item.get("type"), "subtype": item.get("subtype"),
        "grade": item.get("grade"), "disputed": item.get("disputed"),
        "date_start": _day(when.get("start")), "date_end": _day(when.get("end")),
        "country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"), "data": item,
    }


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def item_actor_rows(relations: list[dict], events: list[dict], claims: list[dict]) -> list[dict]:
    links = set()
    for fact in relations:
        links |= {(fact["id"], fact["source"]["actor_id"], "source"), (fact["id"], fact["target"]["actor_id"], "target")}
    for fact in events:
        links |= {(fact["id"], a["actor_id"], "perpetrator") for a in fact["perpetrators"]}
        links |= {(fact["id"], a["actor_id"], "target") for a in fact["targets"]}
    fact_actors: dict[str, set[str]] = {}
    for item_id, actor_id, _ in links:
        fact_actors.setdefault(item_id, set()).add(actor_id)
    for claim in claims:
        if claim["source_actor"]:
            links.add((claim["id"], claim["source_actor"], "speaker"))
        for fact in claim["facts"]:
            links |= {(claim["id"], actor, "about") for actor in fact_actors.get(fact["id"], ())}
    return [{"item_id": i, "actor_id": a, "role": r} for i, a, r in sorted(links)]
