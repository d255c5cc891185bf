"""Relations across documents: every report of one tie (type, source actor, target
actor) becomes one fact with all its claims, for and against, its independent-source
count, its Admiralty grade and whether it is disputed. A tie to a document's own
description or collective ("the regime", "civilians") stays in that document's record
but is no tie of the network: its end is no one the knowledge base can name."""

from __future__ import annotations

import hashlib

from claimgraph.assess import assess, split_by_stance
from claimgraph.kb.claims import claim_view, contradicting, linked_claims, outlet_view
from claimgraph.kb.corpus import Corpus
from claimgraph.store.rows import is_document_actor

SYMMETRIC = ("allied_with", "fights")


def fact_id(prefix: str, *parts: str) -> str:
    return f"{prefix}-" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]


def relation_facts(corpus: Corpus) -> list[dict]:
    reports: dict[tuple, list[dict]] = {}
    for doc_id in sorted(corpus.records):
        for index, relation in enumerate(corpus.records[doc_id].get("relations", [])):
            report = _report(corpus, doc_id, index, relation)
            if report is not None:
                reports.setdefault(report.pop("key"), []).append(report)
    return [_fact(corpus, key, group) for key, group in sorted(reports.items())]


def _report(corpus: Corpus, doc_id: str, index: int, relation: dict) -> dict | None:
    source, target = corpus.label(doc_id, relation["source"]), corpus.label(doc_id, relation["target"])
    if source["actor_id"] == target["actor_id"]:
        return None  # two names the merges made one
    if is_document_actor(source["actor_id"]) or is_document_actor(target["actor_id"]):
        return None
    if relation["type"] in SYMMETRIC and source["actor_id"] > target["actor_id"]:
        source, target = target, source
    doc, record = corpus.docs[doc_id], corpus.records[doc_id]
    evidence = relation.get("evidence") or [[0, 1]]
    linked = linked_claims(record, relation.get("claims", []))
    views = [claim_view(doc, c, corpus.actor_of(doc_id)) for c in linked]
    if not views:
        views = [outlet_view(doc, evidence[0])]
    opposed = contradicting(record, {c["id"] for c in linked})
    return {
        "key": (relation["type"], source["actor_id"], target["actor_id"]),
        "source": source, "target": target, "doc_id": doc_id, "relation_id": f"r{index + 1}",
        "story_id": doc["story_id"], "negated": bool(relation.get("negated")), "evidence": evidence,
        "claims": views, "opposed": [claim_view(doc, c, corpus.actor_of(doc_id)) for c in opposed],
    }


def sides(reports: list[dict]) -> tuple[list[dict], list[dict]]:
    """(claims for, claims against): a negated report, a denial, or a claim the
    record says contradicts a supporting one is against."""
    for_, against = [], []
    for report in reports:
        for view in report["claims"]:
            negative = report.get("negated", False) != (view["stance"] == "denies")
            (against if negative else for_).append({**view, "side": "against" if negative else "for"})
        against += [{**view, "side": "against"} for view in report["opposed"]]
    return _unique(for_), _unique(against)


def _unique(views: list[dict]) -> list[dict]:
    seen: dict[tuple, dict] = {}
    for view in views:
        seen.setdefault((view["doc_id"], view["claim_id"] or "", tuple(view["span"])), view)
    return [seen[k] for k in sorted(seen)]


def _fact(corpus: Corpus, key: tuple, reports: list[dict]) -> dict:
    type_, source_id, target_id = key
    for_, against = sides(reports)
    support, hedges, silent = split_by_stance(for_)
    negated = all(r["negated"] for r in reports)
    if negated:  # only denials of the tie: grade the denial
        grading = assess([{**c, "stance": "asserts"} for c in against], [], support + hedges, set())
    else:
        grading = assess(support, hedges, against, {source_id, target_id})
    disputed = bool(against) and bool(support or hedges)
    return {
        "id": fact_id("rel", *key), "kind": "relation", "type": type_,
        "source": reports[0]["source"], "target": reports[0]["target"],
        "negated": negated,
        **grading, "disputed": disputed,
        "documents": sorted({r["doc_id"] for r in reports}),
        "stories": sorted({r["story_id"] for r in reports}),
        "claims": for_ + against, "sides": {"for": for_, "against": against} if disputed else None,
        "no_comment": [c["source_text"] for c in silent],
        "reports": [{k: r[k] for k in ("doc_id", "relation_id", "story_id", "negated", "evidence")} for r in reports],
    }
