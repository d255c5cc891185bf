"""A large store for the dossier benchmark, built from the demo store's records: each
demo document is copied with a new doc_id, outlet and date (the text, and so every
offset, unchanged), stored through Store.ingest, then the knowledge base is rebuilt once.
spaCy never runs."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from claimgraph.clean import fingerprint, fingerprint_bytes
from claimgraph.document import Document
from claimgraph.kb import KnowledgeBase
from claimgraph.store import open_store

OUTLETS = ("Reuters", "AP", "AFP", "Al Jazeera", "BBC", "The National", "Rudaw", "Al-Monitor")


def build_big_store(demo_url: str, url: str, n_documents: int) -> dict:
    """Fill the store at `url` with `n_documents` copies of the demo store's documents;
    returns the knowledge base's counts."""
    demo = open_store(demo_url)
    sources = [(demo.document(r["doc_id"]), r) for r in demo.iter_records()]
    demo.close()
    signatures = {doc["doc_id"]: fingerprint_bytes(fingerprint(doc["text"])) for doc, _ in sources}
    store = open_store(url)
    for i in range(n_documents):
        doc, record = sources[i % len(sources)]
        copy_id = f"{doc['doc_id']}-copy{i:05d}"
        published = date(2015, 1, 1) + timedelta(days=(i * 37) % 2500)
        document = Document(doc_id=copy_id, text=doc["text"], title=f"{doc['title'] or copy_id} (copy {i})",
                            published=published, outlet=OUTLETS[i % len(OUTLETS)], wire=doc["wire"])
        shifted = copy.deepcopy(record)
        shifted["doc_id"] = copy_id
        shifted["published"] = published.isoformat()
        shifted["title"] = document.title
        store.ingest(document, shifted, fingerprint=signatures[doc["doc_id"]])
    counts = KnowledgeBase(store).rebuild()
    store.close()
    return counts
