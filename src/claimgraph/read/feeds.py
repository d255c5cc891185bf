"""RSS 2.0 and Atom feeds: each item with content becomes a Document."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date

import feedparser

from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.read.build import Fields, build
from claimgraph.read.dates import parse_date
from claimgraph.read.html import html_to_text

# The text is already decoded by our own rules; re-encoded as UTF-8, its declaration must say so.
_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""")


def read_feed(text: str, where: str, published: date | None) -> Iterator[Document | InputError]:
    data = _XML_ENCODING.sub(r'\1"utf-8"', text, count=1).encode("utf-8")
    feed = feedparser.parse(io.BytesIO(data))  # a stream, so feedparser never fetches or opens a path
    if not feed.entries:
        yield InputError(where, _why_no_items(feed))
        return
    outlet = dict.get(feed.feed, "title")
    for number, entry in enumerate(feed.entries, start=1):
        yield _read_entry(entry, outlet, f"{where}#item {number}", published)


def _why_no_items(feed: dict) -> str:
    problem = feed.get("bozo_exception")
    if feed.get("version") and not problem:  # feedparser recognised RSS or Atom
        return "empty: the feed has no items"
    what = "not a valid RSS or Atom feed" if feed.get("version") else "not an RSS or Atom feed"
    return what + (f" ({problem})" if problem else "")


def _read_entry(entry: dict, outlet: str | None, where: str, published: date | None) -> Document | InputError:
    # dict.get reads the raw keys: feedparser's own get() maps "updated" to "published" with a warning.
    text = _entry_text(entry)
    if not text.strip():
        return InputError(where, "empty: the item has no content or description")
    found = Fields(
        text=text,
        title=dict.get(entry, "title"),
        published=_entry_date(entry),
        url=dict.get(entry, "link"),
        outlet=outlet,
        extra={"guid": entry_id} if (entry_id := dict.get(entry, "id")) else {},
    )
    return build(found, where, published, raw=True)


def _entry_text(entry: dict) -> str:
    """Full content (content:encoded, Atom content), else the description or summary."""
    for part in dict.get(entry, "content") or []:
        if (part.get("value") or "").strip():
            return _as_text(part["value"], part.get("type"))
    detail = dict.get(entry, "summary_detail") or {}
    return _as_text(dict.get(entry, "summary") or "", detail.get("type"))


def _as_text(value: str, media_type: str | None) -> str:
    return html_to_text(value) if "html" in (media_type or "text/html") else value


def _entry_date(entry: dict) -> object:
    """The date as written (so its own time zone holds), else feedparser's UTC reading of it."""
    raw = dict.get(entry, "published") or dict.get(entry, "updated")  # Atom may only have "updated"
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    return parse_date(raw) or (date(*parsed[:3]) if parsed else raw)
