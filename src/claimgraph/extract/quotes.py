"""Quotation spans in raw text, robust to garbled copies.

Works on characters, not tokens, because machine-translated and scraped copies
drop, double or swap quote marks: a quote whose closing mark is missing runs to
the end of its paragraph; a new opening mark inside an open quote closes it; a
closing mark with no opening one closes a quote that began at the paragraph (or
previous quote) start; a paragraph that leaves a quote open continues into the
next paragraph when that one opens with a quote mark (news style for long
quotations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.extract.model import Span

OPENERS = "“„«"
CLOSERS = "”»"
# Straight double quotes and doubled apostrophes ('' as in some US papers) open or close by context.
MARK_RE = re.compile(r"''|[\"“”„«»]")
PARAGRAPH_RE = re.compile(r"[^\n]+")
MIN_WORDS = 3  # shorter quoted bits are scare quotes or titles, not statements
EDGE_JUNK = " \t,;:—–-"


@dataclass
class Quote:
    start: int  # inner span: quote marks excluded
    end: int
    paragraph: int
    closed: bool = True  # False where the closing mark is missing
    continues: int | None = None  # index of the quote this one continues (multi-paragraph)

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def find_quotes(text: str) -> list[Quote]:
    """Statement-length quotations in text order, inner spans trimmed of edge punctuation."""
    quotes: list[Quote] = []
    for number, para in enumerate(PARAGRAPH_RE.finditer(text)):
        for start, end, closed in _paragraph_quotes(text, para.start(), para.end()):
            quote = _trimmed(text, Quote(start, end, number, closed))
            if quote is None:
                continue
            _link_continuation(text, quotes, quote)
            quotes.append(quote)
    return quotes


def _paragraph_quotes(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    last_end = p_start
    for mark in MARK_RE.finditer(text, p_start, p_end):
        if _opens(text, mark, open_at is not None):
            if open_at is not None:  # an opener inside an open quote: the first was never closed
                found.append((open_at, mark.start(), False))
            open_at = mark.end()
        elif open_at is not None:
            found.append((open_at, mark.start(), True))
            open_at, last_end = None, mark.end()
        else:  # a closer with nothing open: the opening mark was lost
            found.append((last_end, mark.start(), True))
            last_end = mark.end()
    if open_at is not None:
        found.append((open_at, p_end, False))
    return found


def _opens(text: str, mark: re.Match, inside: bool) -> bool:
    """Whether a mark opens a quote. Typographic direction is trusted unless the context
    contradicts it (swapped or mistyped marks): a mark followed by a space closes, a mark
    between a space and a word opens."""
    before = text[mark.start() - 1:mark.start()] if mark.start() else " "
    after = text[mark.end():mark.end() + 1] or " "
    starts_word = not after.isspace() and after not in ".,;:!?)"
    ends_word = not before.isspace() and before not in "(["
    if mark.group() in OPENERS:
        return not (inside and ends_word and not starts_word)
    if mark.group() in CLOSERS:
        return not inside and starts_word and not ends_word
    return not inside and starts_word


def _trimmed(text: str, quote: Quote) -> Quote | None:
    start, end = quote.start, quote.end
    while start < end and text[start] in EDGE_JUNK:
        start += 1
    while end > start and (text[end - 1] in EDGE_JUNK or text[end - 1] in OPENERS + CLOSERS + '"'):
        end -= 1
    if len(text[start:end].split()) < MIN_WORDS:
        return None
    quote.start, quote.end = start, end
    return quote


def _link_continuation(text: str, quotes: list[Quote], quote: Quote) -> None:
    """A quote opening a paragraph continues an unclosed quote ending the previous paragraph."""
    if not quotes:
        return
    prev = quotes[-1]
    para_start = text.rfind("\n", 0, quote.start) + 1
    opens_paragraph = not text[para_start:quote.start].strip(" \t" + OPENERS + '"\'')
    if not prev.closed and prev.paragraph == quote.paragraph - 1 and opens_paragraph:
        quote.continues = len(quotes) - 1


def quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote overlapping [start, end) the most, if any."""
    best, best_overlap = None, 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    return best
