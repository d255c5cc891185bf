"""Plain text and Markdown: the first line is the title when a blank line follows it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from claimgraph.clean import clean_text
from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.read.build import Fields, build

_MAX_TITLE = 300  # a longer first "line" is a paragraph, not a headline


def read_text(text: str, where: str, published: date | None) -> Iterator[Document | InputError]:
    # The title stays in the text too, so offsets into the file's text stay simple.
    yield build(Fields(text=text, title=_title(text)), where, published, raw=True)


def _title(text: str) -> str | None:
    head, blank, _ = clean_text(text[:_MAX_TITLE * 4]).partition("\n\n")
    if not blank or "\n" in head or len(head) > _MAX_TITLE:
        return None
    return head.lstrip("# ").strip() or None  # a Markdown heading's marks are not the title
