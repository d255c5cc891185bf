"""Stories: documents that are copies of one report (reprints, syndicated or translated
copies) form one story, and a story counts once as a source.

Two documents are one story when either
- their MinHash fingerprints (word 5-shingles, clean.py) have an estimated Jaccard
  similarity of at least LSH_THRESHOLD. Reprints with boilerplate and small edits of
  the seed score 0.89-0.97; independent reports on the same attacks 0.00-0.02; 0.5
  sits between with a wide margin on both sides (tests/kb/test_stories.py measures it);
- or they name the same wire origin (clean.detect_wire), were published within
  WIRE_WINDOW_DAYS of each other, and most sentences of the shorter one have a
  counterpart in the other, in the same order (content-word overlap, SENTENCE_MATCH):
  this catches a garbled machine translation or a paraphrase, which shares few 5-word
  runs. Order is what tells a copy from an independent report of the same facts,
  whose short factual sentences can share most of their words.

Clusters are connected components of that relation, computed over the whole set, so
they do not depend on the order documents arrived in. A story's id is its earliest
document (then the smallest doc_id).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from itertools import combinations

from datasketch import MinHashLSH

from claimgraph.clean import fingerprint_from_bytes

LSH_THRESHOLD = 0.5
NUM_PERM = 128
WIRE_WINDOW_DAYS = 7
SENTENCE_MATCH = 0.65  # share of a sentence's content words found around its best counterpart
SHARED_SENTENCES = 0.6  # share of the shorter document's sentences that must have one, in order
MIN_SHARED = 2
MIN_WORDS = 5  # shorter sentences (titles, "No one was hurt.") are too generic to match
STEM = 5

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n+")
_WORD = re.compile(r"\w+")
STOPWORDS = frozenset(
    "a an the and or but of in on at to for from by with as is are was were be been being it its this that "
    "these those they them their he his she her we our you i not no into than then there here which who whom "
    "whose what when where while also has have had do does did said says say told according after before "
    "over under more most some any all one".split()
)


class UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for item in sorted(self.parent):
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())


def content_words(sentence: str) -> set[str]:
    """Lower-cased words without stopwords, cut to STEM letters (a crude stem that
    survives inflection and most machine-translation shuffles)."""
    words = (w.lower() for w in _WORD.findall(sentence))
    return {w[:STEM] for w in words if w not in STOPWORDS and (len(w) > 2 or w.isdigit())}


def sentences(text: str) -> list[set[str]]:
    parts = (content_words(s) for s in _SENTENCE_END.split(text))
    return [p for p in parts if len(p) >= MIN_WORDS]


def shared_sentences(a: list[set[str]], b: list[set[str]]) -> float:
    """Share of the shorter list's sentences that have a counterpart in the other, in
    the same order. A counterpart is a sentence of the other with its neighbours
    (versions split sentences differently). Order matters: a copy keeps the original's
    sequence, while independent reports of the same facts share words, not order."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return 0.0
    windows = [set().union(*long_[max(0, i - 1): i + 2]) for i in range(len(long_))]
    best = [0] * len(windows)  # longest in-order chain ending at or before window j
    for sentence in short:
        hits = [j for j, w in enumerate(windows) if len(sentence & w) >= SENTENCE_MATCH * len(sentence)]
        updated = best[:]
        for j in hits:
            updated[j] = max(updated[j], (best[j - 1] if j else 0) + 1, best[j])
        best = list(_running_max(updated))
    chain = best[-1]
    return chain / len(short) if chain >= min(MIN_SHARED, len(short)) else 0.0


def _running_max(values: list[int]) -> Iterable[int]:
    top = 0
    for value in values:
        top = max(top, value)
        yield top


def _near_duplicates(docs: list[dict]) -> dict[tuple[str, str], float]:
    """Pairs whose fingerprints agree at LSH_THRESHOLD or more, with the estimate."""
    signatures = {d["doc_id"]: fingerprint_from_bytes(d["fingerprint"], NUM_PERM)
                  for d in docs if d.get("fingerprint")}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for doc_id in sorted(signatures):
        lsh.insert(doc_id, signatures[doc_id])
    pairs = {}
    for doc_id in sorted(signatures):
        for other in lsh.query(signatures[doc_id]):
            if other > doc_id:
                similarity = signatures[doc_id].jaccard(signatures[other])
                if similarity >= LSH_THRESHOLD:  # LSH proposes; the estimate decides
                    pairs[(doc_id, other)] = round(similarity, 3)
    return pairs


def _close_in_time(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WIRE_WINDOW_DAYS


def _same_wire_copies(docs: list[dict], skip: set[tuple[str, str]]) -> dict[tuple[str, str], float]:
    by_wire: dict[str, list[dict]] = {}
    for doc in docs:
        if doc.get("wire"):
            by_wire.setdefault(doc["wire"], []).append(doc)
    pairs = {}
    for group in by_wire.values():
        cache = {d["doc_id"]: sentences(d["text"]) for d in group}
        for a, b in combinations(sorted(group, key=lambda d: d["doc_id"]), 2):
            key = (a["doc_id"], b["doc_id"])
            if key in skip or not _close_in_time(a.get("published"), b.get("published")):
                continue
            share = shared_sentences(cache[key[0]], cache[key[1]])
            if share >= SHARED_SENTENCES:
                pairs[key] = round(share, 3)
    return pairs


def cluster_stories(docs: list[dict]) -> list[dict]:
    """docs: {doc_id, text, wire, published (date), fingerprint (bytes)}. Returns one
    row per document: {doc_id, story_id, reason, score} (reason of the link that joined
    it, "alone" for a story of one)."""
    near = _near_duplicates(docs)
    wire = _same_wire_copies(docs, set(near))
    union = UnionFind(d["doc_id"] for d in docs)
    links: dict[str, tuple[str, float]] = {}
    for (a, b), score in sorted(near.items()):
        union.union(a, b)
        links.setdefault(b, (f"near-duplicate of {a} (MinHash Jaccard {score:.2f})", score))
    for (a, b), score in sorted(wire.items()):
        union.union(a, b)
        links.setdefault(b, (f"same wire copy as {a} ({score:.0%} of sentences shared)", score))
    return _story_rows(docs, union, links)


def _story_rows(docs: list[dict], union: UnionFind, links: dict) -> list[dict]:
    by_id = {d["doc_id"]: d for d in docs}
    rows = []
    for members in union.groups():
        first = min(members, key=lambda m: (by_id[m].get("published") or date.max, m))
        for member in members:
            reason, score = links.get(member, ("alone", 1.0)) if len(members) > 1 else ("alone", 1.0)
            if member == first and len(members) > 1:
                reason, score = "first of the story", 1.0
            rows.append({"doc_id": member, "story_id": f"story:{first}", "reason": reason, "score": score})
    return sorted(rows, key=lambda r: r["doc_id"])
