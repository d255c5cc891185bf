"""The extraction/1 record: built for every document, and validated against the contract."""

from __future__ import annotations

import copy

import pytest

from claimgraph.document import Document
from claimgraph.errors import RecordError
from claimgraph.extract.record import validate_record


@pytest.fixture(scope="module")
def seed_record(extractor, seed_document):
    return extractor.extract(seed_document)


def test_seed_record_is_valid(seed_record, seed_document):
    validate_record(seed_record, seed_document.text)
    assert seed_record["schema"] == "extraction/1"
    assert seed_record["doc_id"] == "seed-iran-iraqi-militias"
    assert seed_record["published"] == "2021-05-21"
    assert seed_record["entities"], "the seed names many actors"


def test_every_mention_is_inside_the_text(seed_record, seed_document):
    for entity in seed_record["entities"]:
        for start, end in entity["mentions"]:
            assert seed_document.text[start:end].strip(), entity


def test_extraction_is_deterministic(extractor, seed_document, seed_record):
    assert extractor.extract(seed_document) == seed_record


def _breaks(record: dict, text: str) -> str:
    with pytest.raises(RecordError) as info:
        validate_record(record, text)
    return str(info.value)


BREACHES = {
    "span past the end": (lambda r, n: r["entities"][0]["mentions"].append([n - 1, n + 5]), "not a span"),
    "empty span": (lambda r, n: r["entities"][0]["mentions"].append([4, 4]), "not a span"),
    "unknown kind": (lambda r, n: r["entities"][0].update(kind="vehicle"), "kind"),
    "duplicate entity id": (lambda r, n: r["entities"].append(copy.deepcopy(r["entities"][0])), "unique"),
    "dangling relation": (
        lambda r, n: r["relations"].append({"type": "part_of", "source": r["entities"][0]["id"], "target": "e999"}),
        "does not exist",
    ),
    "self relation": (
        lambda r, n: r["relations"].append(
            {"type": "fights", "source": r["entities"][0]["id"], "target": r["entities"][0]["id"]}),
        "itself",
    ),
    "bad acled pair": (
        lambda r, n: r["events"].append({"id": "v999", "type": "Battles", "subtype": "Air/drone strike", "trigger": [0, 4]}),
        "ACLED",
    ),
    "bad stance": (
        lambda r, n: r["claims"].append({"id": "c999", "content": [0, 4], "stance": "maybe",
                                         "source": {"kind": "outlet", "text": ""}}),
        "stance",
    ),
    "wrong schema": (lambda r, n: r.update(schema="extraction/2"), "schema"),
}


@pytest.mark.parametrize("breach", BREACHES, ids=list(BREACHES))
def test_validation_catches(breach, seed_record, seed_document):
    mutate, message = BREACHES[breach]
    record = copy.deepcopy(seed_record)
    mutate(record, len(seed_document.text))
    assert message in _breaks(record, seed_document.text)


def test_bad_documents_are_reported_and_the_batch_goes_on(extractor, seed_document):
    documents = [
        Document(doc_id="empty", text="   \n "),
        seed_document,
        Document(doc_id="huge", text="word " * (extractor.settings.max_chars // 5 + 1)),
        Document(doc_id="short", text="Rockets struck Baghdad on Monday."),
    ]
    results = {r.document.doc_id: r for r in extractor.extract_many(documents)}
    assert set(results) == {"empty", "seed-iran-iraqi-militias", "huge", "short"}
    assert "empty" in results["empty"].error
    assert "over the limit" in results["huge"].error
    assert results["seed-iran-iraqi-militias"].ok and results["short"].ok


def test_a_failing_stage_fails_only_its_document(settings, seed_document):
    from claimgraph.extract.pipeline import Extractor

    class Explodes:
        name = "explodes"

        def __call__(self, ex):
            if ex.document.doc_id == "bad":
                raise ValueError("boom")

    extractor = Extractor(settings, stages=[Explodes()])
    results = list(extractor.extract_many([Document("bad", "Some text."), Document("good", "Other text.")]))
    assert [r.ok for r in results] == [False, True]
    assert "boom" in results[0].error


def test_no_publication_date_is_flagged(extractor):
    record = extractor.extract(Document(doc_id="undated", text="Militants attacked a base last year."))
    assert record["published"] is None
    assert any("no publication date" in note for note in record["notes"])
