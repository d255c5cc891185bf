"""Throughput benchmark: claimgraph's extraction against a bare spaCy pass over the
same corpus, on the same machine, in the same run, with the same process count."""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import ConfigError
from claimgraph.extract.pipeline import Extractor
from claimgraph.nlp import load_bare_model

SHARED_DEV = Path("../shared/eval/data/dev")


@dataclass
class BenchResult:
    words: int
    documents: int
    spacy_seconds: float
    claimgraph_seconds: float
    peak_rss_mb: float
    failed: int

    @property
    def spacy_wps(self) -> float:
        return self.words / self.spacy_seconds

    @property
    def claimgraph_wps(self) -> float:
        return self.words / self.claimgraph_seconds

    def summary_line(self) -> str:
        return (f"bench: claimgraph={self.claimgraph_wps:.0f} spacy={self.spacy_wps:.0f} "
                f"ratio={self.claimgraph_wps / self.spacy_wps:.3f}")


def demo_corpus_path() -> Path:
    return Path(str(resources.files("claimgraph") / "demo" / "corpus.jsonl"))


def default_sources() -> list[Path]:
    sources = [demo_corpus_path()]
    if SHARED_DEV.is_dir():
        sources += sorted(SHARED_DEV.glob("*.jsonl"))
    return sources


def _texts(path: Path) -> list[tuple[str, str | None]]:
    """(text, published) of each record; only the input keys are read, never annotations."""
    rows = []
    with path.open(encoding="utf-8") as lines:  # not splitlines(): texts may hold U+2028
        for line in lines:
            if line.strip():
                record = json.loads(line)
                rows.append((record["text"], record.get("published")))
    return rows


def build_corpus(sources: list[Path], min_bytes: int) -> list[Document]:
    """Documents from the sources, repeated until the text reaches min_bytes."""
    base = [row for path in sources for row in _texts(path) if row[0].strip()]
    if not base:
        raise ConfigError("the benchmark corpus is empty")
    documents, size, round_ = [], 0, 0
    while size < min_bytes:
        for i, (text, published) in enumerate(base):
            published_date = _date(published)
            documents.append(Document(doc_id=f"bench-{round_}-{i}", text=text, published=published_date))
            size += len(text.encode("utf-8"))
            if size >= min_bytes:
                break
        round_ += 1
    return documents


def _date(value: str | None):
    from datetime import date

    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


ROUNDS = 8  # the two passes alternate over slices, so a change in machine load hits both alike


def _slices(documents: list[Document], rounds: int) -> list[list[Document]]:
    size = max(1, -(-len(documents) // rounds))
    return [documents[i:i + size] for i in range(0, len(documents), size)]


def _time_spacy(nlp, documents: list[Document], settings: Settings) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in documents), batch_size=settings.batch_size, n_process=settings.n_process):
        pass
    return time.perf_counter() - start


def _time_claimgraph(extractor: Extractor, documents: list[Document]) -> tuple[float, int]:
    start = time.perf_counter()
    failed = 0
    for result in extractor.extract_many(documents):
        if result.ok:
            json.dumps(result.record)  # as `claimgraph extract` writes it
        else:
            failed += 1
    return time.perf_counter() - start, failed


def time_both(settings: Settings, documents: list[Document]) -> tuple[float, float, int]:
    """Seconds for spaCy and for claimgraph over the same documents, interleaved."""
    nlp = load_bare_model(settings)
    extractor = Extractor(settings)
    list(nlp.pipe([documents[0].text]))  # warm-up: both load everything before timing
    extractor.extract(documents[0])
    spacy_total = claimgraph_total = 0.0
    failed = 0
    for i, part in enumerate(_slices(documents, ROUNDS)):
        if i % 2 == 0:
            spacy_total += _time_spacy(nlp, part, settings)
        seconds, n_failed = _time_claimgraph(extractor, part)
        claimgraph_total += seconds
        failed += n_failed
        if i % 2 == 1:
            spacy_total += _time_spacy(nlp, part, settings)
    return spacy_total, claimgraph_total, failed


def run_benchmark(
    settings: Settings, min_bytes: int = 2_000_000, n_process: int = 1,
    sources: list[Path] | None = None, log: Callable[[str], None] = print,
) -> BenchResult:
    settings = replace(settings, n_process=n_process)
    documents = build_corpus(sources or default_sources(), min_bytes)
    words = sum(len(d.text.split()) for d in documents)
    log(f"corpus: {len(documents)} documents, {words} words, "
        f"{sum(len(d.text.encode('utf-8')) for d in documents) / 1e6:.1f} MB; processes: {n_process}")
    spacy_seconds, claimgraph_seconds, failed = time_both(settings, documents)
    log(f"spacy: {spacy_seconds:.1f} s; claimgraph: {claimgraph_seconds:.1f} s ({failed} documents failed)")
    result = BenchResult(words, len(documents), spacy_seconds, claimgraph_seconds, _peak_rss_mb(), failed)
    log(f"peak memory: {result.peak_rss_mb:.0f} MB")
    return result
