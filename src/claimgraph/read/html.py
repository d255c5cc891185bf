"""HTML pages through trafilatura (main text and metadata); feed fragments through lxml."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import lxml.html
import trafilatura
from lxml import etree

from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.read.build import Fields, build

NO_TEXT = "no article text found in the HTML"
_WHITESPACE = re.compile(r"\s+")
# Only dates the page states in its metadata or markup: the extensive search guesses.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre", "section", "article")


def read_html(html: str, where: str, published: date | None) -> Iterator[Document | InputError]:
    found = extract_page(html)
    yield build(found, where, published, raw=True) if found else InputError(where, NO_TEXT)


def extract_page(html: str, url: str | None = None) -> Fields | None:
    """Main text and metadata of a whole page, or None when it has no article text."""
    try:
        page = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, etree.LxmlError):  # markup lxml cannot parse at all
        return None
    if page is None or not (page.text or "").strip():
        return None
    return Fields(
        text=_paragraphs(page.text), title=page.title, published=page.date, url=page.url, outlet=page.sitename
    )


def html_to_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's content): every block its own paragraph.

    Trafilatura wants a page and drops short fragments, so fragments are read with lxml,
    with scripts, styles and other non-text elements removed first.
    """
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, etree.LxmlError):
        return ""
    for element in list(root.iter(*_DROP)):  # a list: dropping while iterating skips siblings
        element.drop_tree()
    for element in root.iter():  # whitespace in markup is not a line break; blocks are
        if element.tag != "pre":
            element.text, element.tail = _spaces(element.text), _spaces(element.tail)
    for element in root.iter(*_BLOCKS, "br"):
        element.tail = ("\n" if element.tag == "br" else "\n\n") + (element.tail or "")
    return root.text_content()


def _spaces(text: str | None) -> str | None:
    return _WHITESPACE.sub(" ", text) if text else text


def _paragraphs(text: str) -> str:
    """Trafilatura ends paragraphs with one newline; a blank line, as in our text files."""
    return text.replace("\n", "\n\n")
