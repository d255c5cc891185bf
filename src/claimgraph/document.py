"""The unit every stage works on: one document with its canonical text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Document:
    """One report. `text` is canonical: every offset anywhere refers to it."""

    doc_id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    origin: str | None = None  # where it was read from: "path", "path:line 3", "feed.xml#item 2"
    wire: str | None = None  # wire service named in the text ("Reuters", "AP"), see clean.py
    extra: dict = field(default_factory=dict)

    @property
    def text_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "outlet": self.outlet,
            "origin": self.origin,
            "wire": self.wire,
            "text": self.text,
        }


def content_id(text: str, prefix: str = "doc") -> str:
    """A stable id derived from the text, so re-reading the same content gives the same id."""
    return f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"
