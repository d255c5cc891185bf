"""Every reader ends here: clean the text, fill in the id, date and wire, or refuse it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from claimgraph.clean import clean_text, detect_wire
from claimgraph.document import Document, content_id
from claimgraph.errors import InputError
from claimgraph.read.dates import parse_date


@dataclass
class Fields:
    """What a reader found for one document, before cleaning."""

    text: str
    doc_id: str | None = None
    title: str | None = None
    published: object = None  # raw value from the record or metadata
    url: str | None = None
    outlet: str | None = None
    extra: dict = field(default_factory=dict)


def build(found: Fields, where: str, default_published: date | None, *, raw: bool) -> Document | InputError:
    """A Document from `found`; `raw` texts may be reshaped, others keep their offsets."""
    text = clean_text(found.text, preserve_offsets=not raw)
    if not text.strip():
        return InputError(where, "empty: no text" if not found.text.strip() else "empty: no text left after cleaning")
    return Document(
        doc_id=found.doc_id or content_id(text),
        text=text,
        title=one_line(found.title),
        published=_published(found, default_published),
        url=one_line(found.url),
        outlet=one_line(found.outlet),
        origin=where,
        wire=detect_wire(text),
        extra=found.extra,
    )


def _published(found: Fields, default: date | None) -> date | None:
    parsed = parse_date(found.published)
    if parsed is None and found.published not in (None, ""):
        found.extra["unparsed_published"] = str(found.published)  # kept so the user can see why
    return parsed or default


def one_line(value: object) -> str | None:
    """A metadata string on one clean line, or None when there is nothing."""
    if value is None:
        return None
    line = " ".join(clean_text(str(value)).split())
    return line or None
