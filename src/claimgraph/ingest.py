"""Read -> clean -> extract -> store, for a batch of inputs. One transaction per
document; a bad input is reported with its place and reason and the batch goes on."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from claimgraph.clean import fingerprint, fingerprint_bytes
from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.extract.pipeline import Extractor, Result
from claimgraph.read import iter_documents


@dataclass
class Problem:
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class IngestReport:
    outcomes: dict[str, int] = field(default_factory=lambda: {"new": 0, "unchanged": 0, "updated": 0})
    problems: list[Problem] = field(default_factory=list)
    kb: dict | None = None  # the knowledge base's counts after the rebuild

    @property
    def documents(self) -> int:
        return sum(self.outcomes.values())


def read_documents(
    paths: Iterable[str | Path], published: date | None, problems: list[Problem], stdin=None
) -> Iterator[Document]:
    """The readable documents of `paths`; the unreadable ones go to `problems`."""
    for item in iter_documents(list(paths), published=published, stdin=stdin):
        if isinstance(item, InputError):
            problems.append(Problem(item.where, item.reason))
        else:
            yield item


def extract_documents(
    documents: Iterable[Document], settings: Settings, problems: list[Problem]
) -> Iterator[Result]:
    """Successful extraction results; failures go to `problems`."""
    extractor = Extractor(settings)
    for result in extractor.extract_many(documents):
        if result.ok:
            yield result
        else:
            problems.append(Problem(result.document.origin or result.document.doc_id, result.error or "failed"))


def ingest_paths(
    paths: Iterable[str | Path],
    store,
    settings: Settings,
    published: date | None = None,
    on_document: Callable[[Document], None] | None = None,
    stdin=None,
    rebuild: bool = True,
) -> IngestReport:
    """Extract and store every document, then rebuild the knowledge base (stories,
    actors, facts, grades) from all stored records, unless `rebuild` is False."""
    report = IngestReport()
    documents = read_documents(paths, published, report.problems, stdin=stdin)
    for result in extract_documents(documents, settings, report.problems):
        document = result.document
        try:
            signature = fingerprint_bytes(fingerprint(document.text))
            outcome = store.ingest(document, result.record, fingerprint=signature)
            report.outcomes[outcome] += 1
        except ClaimgraphError as exc:
            report.problems.append(Problem(document.origin or document.doc_id, f"not stored: {exc}"))
        if on_document:
            on_document(document)
    if rebuild:
        from claimgraph.kb import KnowledgeBase

        report.kb = KnowledgeBase(store, settings).rebuild()
    return report
