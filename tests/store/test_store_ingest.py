"""Ingest: content-derived ids, idempotence, replacement, one transaction per document."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from sqlalchemy import select

from claimgraph.errors import NotFound, RecordError, StoreError
from claimgraph.store import store as store_module
from claimgraph.store.schema import documents, entities
from tests.store.samples import ghaani_document, ghaani_record, kh_document, kh_record, samples

KH_COUNTS = {"documents": 1, "records": 1, "entities": 5, "mentions": 8, "events": 1,
             "event_roles": 3, "relations": 2, "claims": 2}


def test_first_ingest_is_new_and_writes_every_table(store, row_counts):
    doc = kh_document()
    assert store.ingest(doc, kh_record(doc)) == "new"
    assert row_counts(store) == KH_COUNTS


def test_ingesting_twice_changes_nothing(store, snapshot):
    doc = kh_document()
    store.ingest(doc, kh_record(doc), fingerprint=b"\x01\x02")
    before = snapshot(store)
    stamp = store.document(doc.doc_id)["ingested_at"]
    assert store.ingest(doc, kh_record(doc), fingerprint=b"\x01\x02") == "unchanged"
    assert snapshot(store) == before
    assert store.document(doc.doc_id)["ingested_at"] == stamp, "an unchanged document is not rewritten"


def test_ingestion_order_does_not_change_the_result(store_factory, snapshot):
    pairs = samples()
    first = store_factory()
    for doc, record in pairs:
        first.ingest(doc, record)
    expected, expected_stats = snapshot(first), first.stats()
    first.close()
    second = store_factory()
    for doc, record in reversed(pairs):
        second.ingest(doc, record)
    assert snapshot(second) == expected
    assert second.stats() == expected_stats


def test_a_changed_record_replaces_the_documents_rows(store, row_counts):
    doc = kh_document()
    store.ingest(doc, kh_record(doc))
    changed = kh_record(doc)
    changed["relations"] = changed["relations"][:1]
    changed["entities"][2]["name"] = "Esmail Qaani"
    assert store.ingest(doc, changed) == "updated"
    assert row_counts(store) == {**KH_COUNTS, "relations": 1}
    assert store.record(doc.doc_id) == changed
    with store.engine.connect() as conn:
        actors = set(conn.execute(select(entities.c.actor_id)).scalars())
    assert "prov:person:esmail-qaani" in actors and "prov:person:esmail-ghaani" not in actors


@pytest.mark.parametrize("change", [
    pytest.param(lambda doc: (replace(doc, title="Another title"), None), id="document metadata"),
    pytest.param(lambda doc: (doc, b"\xff" * 8), id="fingerprint"),
])
def test_a_changed_document_or_fingerprint_is_an_update(store, change):
    doc = kh_document()
    store.ingest(doc, kh_record(doc))
    new_doc, fingerprint = change(doc)
    assert store.ingest(new_doc, kh_record(new_doc), fingerprint=fingerprint) == "updated"
    with store.engine.connect() as conn:
        row = conn.execute(select(documents.c.title, documents.c.fingerprint)).one()
    assert (row.title, row.fingerprint) == (new_doc.title, fingerprint)


def _break_claims(monkeypatch) -> None:
    """Make the last insert of the document (claims) fail inside the database."""
    original = store_module.build_rows

    def build_rows(*args, **kwargs):
        rows = original(*args, **kwargs)
        rows.tables["claims"][0]["stance"] = None  # NOT NULL: the database refuses the row
        return rows
    monkeypatch.setattr(store_module, "build_rows", build_rows)


def test_a_failure_mid_document_writes_nothing(store, row_counts, monkeypatch):
    _break_claims(monkeypatch)
    doc = kh_document()
    with pytest.raises(StoreError, match="doc-kh"):
        store.ingest(doc, kh_record(doc))
    assert set(row_counts(store).values()) == {0}
    with pytest.raises(NotFound):
        store.document(doc.doc_id)


def test_a_failed_update_keeps_the_previous_version(store, snapshot, monkeypatch):
    doc = kh_document()
    store.ingest(doc, kh_record(doc))
    before = snapshot(store)
    _break_claims(monkeypatch)
    changed = kh_record(doc)
    changed["relations"] = []
    with pytest.raises(StoreError):
        store.ingest(doc, changed)
    assert snapshot(store) == before
    monkeypatch.undo()
    assert store.ingest(doc, kh_record(doc)) == "unchanged", "the store is still usable and consistent"


@pytest.mark.parametrize("breach, message", [
    pytest.param(lambda r: r["entities"][0]["mentions"].append([5, 100_000]), "not a span", id="bad span"),
    pytest.param(lambda r: r.update(doc_id="someone-else"), "doc_id", id="other document"),
    pytest.param(lambda r: r.update(text_sha1="0" * 40), "text_sha1", id="other text"),
    pytest.param(lambda r: r["events"][0]["date"].update(start="March 3", end="March 3"), "YYYY-MM-DD", id="bad date"),
])
def test_a_bad_record_is_refused_before_anything_is_written(store, row_counts, breach, message):
    doc = kh_document()
    record = kh_record(doc)
    breach(record)
    with pytest.raises(RecordError, match=message):
        store.ingest(doc, record)
    assert set(row_counts(store).values()) == {0}


def test_actor_ids_are_shared_across_documents(store):
    for doc, record in samples():
        store.ingest(doc, record)
    with store.engine.connect() as conn:
        rows = conn.execute(select(entities.c.doc_id, entities.c.actor_id, entities.c.provisional)).all()
    by_doc = {(r.doc_id, r.actor_id): r.provisional for r in rows}
    for actor, provisional in [("reg:kataib-hezbollah", False), ("prov:person:esmail-ghaani", True)]:
        assert by_doc[("doc-kh", actor)] is provisional and by_doc[("doc-ghaani", actor)] is provisional


def test_document_record_and_listing(store):
    for doc, record in samples():
        store.ingest(doc, record)
    kh = store.document("doc-kh")
    assert kh["text"] == kh_document().text and kh["published"] == "2021-03-04"
    assert kh["counts"] == {"entities": 5, "events": 1, "relations": 2, "claims": 2}
    assert store.record("doc-ghaani") == ghaani_record(ghaani_document())
    listed = store.documents()
    assert [d["doc_id"] for d in listed] == ["doc-kh", "doc-ghaani"], "newest first, undated last"
    assert "text" not in listed[0]
    assert [d["doc_id"] for d in store.documents(limit=1, offset=1)] == ["doc-ghaani"]
    assert [r["doc_id"] for r in store.iter_records()] == sorted(["doc-kh", "doc-ghaani"])


def test_iter_records_pages_through_everything(store, monkeypatch):
    monkeypatch.setattr(store_module, "RECORD_BATCH", 2)
    base = kh_document()
    for i in range(5):
        doc = replace(base, doc_id=f"doc-{i}")
        store.ingest(doc, kh_record(doc))
    assert [r["doc_id"] for r in store.iter_records()] == [f"doc-{i}" for i in range(5)]


@pytest.mark.parametrize("lookup", [
    pytest.param(lambda s: s.document("missing"), id="document"),
    pytest.param(lambda s: s.record("missing"), id="record"),
])
def test_missing_documents_raise_not_found(store, lookup):
    with pytest.raises(NotFound, match="missing"):
        lookup(store)


def test_stats_count_and_rank_actors(store):
    for doc, record in samples():
        store.ingest(doc, record)
    figures = store.stats()
    top = figures.pop("top_actors")
    assert figures == {"documents": 2, "entities": 8, "actors": 4, "events": 1, "relations": 2, "claims": 4}
    assert top == [
        {"actor_id": "reg:kataib-hezbollah", "name": "Kataib Hezbollah", "kind": "organization",
         "mentions": 5, "documents": 2},
        {"actor_id": "prov:person:esmail-ghaani", "name": "Esmail  Ghaani", "kind": "person",
         "mentions": 4, "documents": 2},
        {"actor_id": "reg:quds-force", "name": "Quds Force", "kind": "organization",
         "mentions": 2, "documents": 1},
        {"actor_id": "reg:united-states", "name": "United States", "kind": "organization",
         "mentions": 1, "documents": 1},
    ], "persons and organizations only: no Erbil, no Baghdad"


def test_stats_of_an_empty_store(store):
    assert store.stats() == {"documents": 0, "entities": 0, "actors": 0, "events": 0,
                             "relations": 0, "claims": 0, "top_actors": []}


def test_updated_records_do_not_leave_stale_copies(store):
    doc = kh_document()
    record = kh_record(doc)
    store.ingest(doc, record)
    second = copy.deepcopy(record)
    second["claims"][0]["stance"] = "hedges"
    store.ingest(doc, second)
    assert list(store.iter_records()) == [second]


def test_concurrent_writers_from_threads_all_land(store):
    """One Store shared by worker threads (as the web app and a batch ingest do)."""
    from concurrent.futures import ThreadPoolExecutor

    base = kh_document()

    def ingest(i: int) -> str:
        doc = replace(base, doc_id=f"doc-{i:02d}")
        return store.ingest(doc, kh_record(doc))

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(ingest, range(20)))
    assert outcomes == ["new"] * 20
    assert store.stats()["documents"] == 20


def test_long_ids_and_unicode_survive_the_round_trip(store):
    doc = replace(kh_document(), doc_id="/very/long/path/" + "x" * 400 + ".jsonl:line 3", title="عملية قرب أربيل")
    record = kh_record(doc)
    assert store.ingest(doc, record) == "new"
    assert store.record(doc.doc_id) == record
    assert store.document(doc.doc_id)["title"] == "عملية قرب أربيل"
