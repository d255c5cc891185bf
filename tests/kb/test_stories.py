"""Stories: reprints and machine-translated or paraphrased copies are one story;
independent reports on the same events are not."""

from __future__ import annotations

import pytest

from claimgraph.clean import detect_wire, fingerprint, fingerprint_bytes
from claimgraph.kb.stories import LSH_THRESHOLD, cluster_stories
from tests.kb.corpus import independent_reports, paragraph_document, paraphrase_document, reprints, seed_document


def as_input(document, wire: str | None = "detect") -> dict:
    return {"doc_id": document.doc_id, "text": document.text, "published": document.published,
            "wire": detect_wire(document.text) if wire == "detect" else wire,
            "fingerprint": fingerprint_bytes(fingerprint(document.text))}


def stories_of(documents, **wires) -> dict[str, set[str]]:
    rows = cluster_stories([as_input(d, wires.get(d.doc_id.replace("-", "_"), "detect")) for d in documents])
    stories: dict[str, set[str]] = {}
    for row in rows:
        stories.setdefault(row["story_id"], set()).add(row["doc_id"])
    return stories


def test_the_reprints_and_the_seed_are_one_story():
    docs = [seed_document(), *reprints(), *independent_reports()]
    stories = stories_of(docs)
    assert {"seed-iran-iraqi-militias", "reprint-site", "reprint-blog", "reprint-aggregator"} in stories.values()
    assert {"indep-asad"} in stories.values() and {"indep-erbil"} in stories.values()
    assert len(stories) == 3


@pytest.mark.parametrize("reprint", reprints(), ids=lambda d: d.doc_id)
def test_reprints_sit_far_above_the_threshold_and_independent_reports_far_below(reprint):
    seed = fingerprint(seed_document().text)
    assert seed.jaccard(fingerprint(reprint.text)) >= LSH_THRESHOLD + 0.3
    for other in independent_reports():
        assert fingerprint(other.text).jaccard(fingerprint(reprint.text)) <= LSH_THRESHOLD - 0.4


def test_a_faithful_paraphrase_of_a_wire_paragraph_joins_its_original():
    original, paraphrase = paragraph_document(), paraphrase_document()
    assert fingerprint(original.text).jaccard(fingerprint(paraphrase.text)) < LSH_THRESHOLD, "MinHash alone misses it"
    assert stories_of([original, paraphrase]) == {"story:paragraph-original": {"paragraph-original",
                                                                               "paragraph-paraphrase"}}


def test_a_paraphrase_without_the_wire_named_stays_apart():
    original, paraphrase = paragraph_document(), paraphrase_document()
    assert len(stories_of([original, paraphrase], paragraph_paraphrase=None)) == 2


def test_independent_reports_on_the_same_attacks_stay_apart_even_crediting_one_wire():
    a, b = independent_reports()
    assert len(stories_of([a, b], indep_asad="Reuters", indep_erbil="Reuters")) == 2
    assert len(stories_of([seed_document(), a, b], indep_asad="Reuters", indep_erbil="Reuters")) == 3


def test_wire_copies_a_month_apart_are_not_one_story():
    from datetime import timedelta
    original, paraphrase = paragraph_document(), paraphrase_document()
    paraphrase.published = original.published + timedelta(days=30)
    assert len(stories_of([original, paraphrase])) == 2


def test_stories_do_not_depend_on_input_order():
    docs = [seed_document(), *reprints(), *independent_reports(), paragraph_document(), paraphrase_document()]
    forward = cluster_stories([as_input(d) for d in docs])
    backward = cluster_stories([as_input(d) for d in reversed(docs)])
    assert forward == backward
