"""Exports of the knowledge base: STIX 2.1, ACLED-style CSV, GraphML and GEXF, and the
extraction records as JSON Lines. Exports only read the store."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from claimgraph.config import Settings
from claimgraph.errors import ConfigError

FORMATS = ("stix", "acled", "graphml", "gexf", "jsonl")


def export(store, fmt: str, out: IO[str] | str | Path, settings: Settings | None = None) -> dict:
    """Write the knowledge base of `store` to `out` (a text file or a path) in `fmt`;
    returns what was written, counted."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return export(store, fmt, handle, settings)
    from claimgraph.kb import KnowledgeBase

    kb = KnowledgeBase(store, settings)
    if fmt == "stix":
        from claimgraph.export.stix import write_stix
        return write_stix(kb, out)
    if fmt == "acled":
        from claimgraph.export.acled_csv import write_acled
        return write_acled(kb, out)
    if fmt == "jsonl":
        from claimgraph.export.jsonl import write_jsonl
        return write_jsonl(store, out)
    from claimgraph.export.graph import write_graph
    return write_graph(kb, fmt, out)
