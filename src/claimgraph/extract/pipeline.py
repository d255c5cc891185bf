"""The extractor: one document in, one extraction/1 record out.

Stages are named callables run in order over an `Extraction`; each adds what it
declares (entities, claims, events, relations) and can be run and tested alone.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.extract.claims import Claims
from claimgraph.extract.entities import Entities
from claimgraph.extract.events import Events
from claimgraph.extract.places import Places
from claimgraph.extract.relations import Relations
from claimgraph.extract.model import Extraction
from claimgraph.extract.record import build_record
from claimgraph.nlp import load_pipeline


class Stage(Protocol):
    name: str

    def __call__(self, ex: Extraction) -> None: ...


def default_stages(settings: Settings) -> list[Stage]:
    from claimgraph.registry.actors import load_registry

    registry = load_registry(tuple(settings.registry_files))
    return [Entities(registry), Places(registry), Claims(registry), Events(), Relations()]


@dataclass
class Result:
    """The outcome for one document: a record, or the reason there is none."""

    document: Document
    record: dict | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.record is not None


class Extractor:
    """Holds the loaded pipeline and stages; build it once, use it for many documents."""

    def __init__(self, settings: Settings, stages: list[Stage] | None = None):
        self.settings = settings
        self.nlp = load_pipeline(settings)
        self.stages = stages if stages is not None else default_stages(settings)

    def extract(self, document: Document) -> dict:
        """The record for one document; raises InputError where the text cannot be read."""
        self._check(document)
        return self._run(document, self.nlp(document.text))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Result]:
        """One Result per document: records in input order; a document refused before parsing
        (empty, too long) is reported as soon as it is seen, with its reason."""
        if self.settings.n_process > 1:
            yield from _extract_parallel(self.settings, documents)
            return
        yield from self._extract_serial(documents)

    def _extract_serial(self, documents: Iterable[Document]) -> Iterator[Result]:
        checked = (self._checked(d) for d in documents)
        rejected: list[Result] = []

        def texts():
            for document, error in checked:
                if error:
                    rejected.append(Result(document, error=error))
                    continue
                yield document.text, document

        for doc, document in self.nlp.pipe(texts(), as_tuples=True, batch_size=self.settings.batch_size):
            yield from _drain(rejected)
            try:
                yield Result(document, record=self._run(document, doc))
            except ClaimgraphError as exc:
                yield Result(document, error=str(exc))
            except Exception as exc:  # a stage bug must not stop the batch; report it with the document
                yield Result(document, error=f"internal error in extraction: {type(exc).__name__}: {exc}")
        yield from _drain(rejected)

    def _run(self, document: Document, doc) -> dict:
        ex = Extraction(document=document, doc=doc)
        if document.published is None:
            ex.notes.append("no publication date: relative dates are left unresolved")
        for stage in self.stages:
            stage(ex)
        return build_record(ex)

    def _check(self, document: Document) -> None:
        where = document.origin or document.doc_id
        if not document.text.strip():
            raise InputError(where, "the text is empty")
        if len(document.text) > self.settings.max_chars:
            raise InputError(
                where,
                f"the text has {len(document.text):,} characters, over the limit of "
                f"{self.settings.max_chars:,} (split it, or raise max_chars)",
            )

    def _checked(self, document: Document) -> tuple[Document, str | None]:
        try:
            self._check(document)
            return document, None
        except InputError as exc:
            return document, exc.reason


def _drain(results: list[Result]) -> Iterator[Result]:
    while results:
        yield results.pop(0)


# Parallel extraction: each worker builds its Extractor once, then takes batches.
_WORKER: Extractor | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Extractor(settings)


def _work(batch: list[Document]) -> list[Result]:
    assert _WORKER is not None
    return list(_WORKER._extract_serial(batch))


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_parallel(settings: Settings, documents: Iterable[Document]) -> Iterator[Result]:
    serial = Settings(**{**settings.__dict__, "n_process": 1})
    context = multiprocessing.get_context("spawn")
    with context.Pool(settings.n_process, initializer=_init_worker, initargs=(serial,)) as pool:
        for results in pool.imap(_work, _batches(documents, settings.batch_size)):
            yield from results
