"""Corroboration and contradiction between claims of one report.

- "The account was confirmed by X, Y and Z": the confirming claim corroborates the
  account just given: the claims before it in its paragraph, or, where it opens a
  paragraph, the claims of the nearest paragraph before that has any.
- "But Iraqi sources said they are genuinely separate …": a claim in a sentence that
  opens with a contrastive marker disputes the claim of the sentence just before,
  where that claim has another source (a speaker qualifying themself is not a dispute).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimgraph.extract.model import Extraction

if TYPE_CHECKING:
    from claimgraph.extract.claims import Draft

CONTRASTIVE = {"but", "however", "yet", "still", "nevertheless", "nonetheless", "conversely"}
CONTRASTIVE_PHRASES = ("in contrast", "on the other hand", "by contrast")


def link_claims(ex: Extraction, text: str, drafts: list[Draft]) -> None:
    doc = ex.doc
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    paragraph = {id(d): bisect_right(breaks, d.content[0]) for d in drafts}
    for i, draft in enumerate(drafts):
        if draft.role == "corroboration":
            for target in _account_before(drafts, i, paragraph):
                target.claim.corroborated_by.append(draft.claim.id)
        elif _contrastive(doc, draft):
            _link_dispute(doc, drafts, i)


def _account_before(drafts: list[Draft], i: int, paragraph: dict[int, int]) -> list[Draft]:
    """The claims the confirmation refers back to (see the module docstring)."""
    here = paragraph[id(drafts[i])]
    earlier = [d for d in drafts[:i] if d.role != "corroboration"]
    same = [d for d in earlier if paragraph[id(d)] == here]
    if same:
        return same
    before = [paragraph[id(d)] for d in earlier if paragraph[id(d)] < here]
    return [d for d in earlier if before and paragraph[id(d)] == max(before)]


def _contrastive(doc: Doc, draft: Draft) -> bool:
    anchor = draft.cue[0] if draft.cue else draft.content[0]
    span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    if span is None:
        return False
    words = [t.lower_ for t in span.sent if not t.is_punct][:4]
    opening = " ".join(words)
    return bool(words) and (words[0] in CONTRASTIVE or opening.startswith(CONTRASTIVE_PHRASES)
                            or "however" in words)


def _link_dispute(doc: Doc, drafts: list[Draft], i: int) -> None:
    draft = drafts[i]
    previous = _previous_sentence_claim(doc, drafts, i)
    if previous is None or _same_source(previous, draft):
        return
    draft.claim.contradicts.append(previous.claim.id)


def _previous_sentence_claim(doc: Doc, drafts: list[Draft], i: int) -> Draft | None:
    """The last claim before this one whose content lies in the sentence just before."""
    draft = drafts[i]
    here = doc.char_span(draft.content[0], draft.content[0] + 1, alignment_mode="expand")
    if here is None or here.sent.start == 0:
        return None
    previous_sent = doc[here.sent.start - 1].sent
    for other in reversed(drafts[:i]):
        if previous_sent.start_char <= other.content[0] < here.sent.start_char:
            return other
    return None


def _same_source(a: Draft, b: Draft) -> bool:
    sa, sb = a.claim.source.text.lower(), b.claim.source.text.lower()
    return bool(sa) and sa == sb
