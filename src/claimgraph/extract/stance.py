"""Stance of a claim: asserts, hedges, denies, no_comment, claims_responsibility.

Hedges are read on the claim's main predicate only: "The Iranians seem to have formed
…" hedges, while "… groups, supposedly loyal only to the Quds Force" asserts (the hedge
sits on a modifier) and "They believed that …" asserts (a belief reported, not a doubt).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from claimgraph.extract.claims import Draft

NO_COMMENT_RE = re.compile(
    r"\b(?:did(?: not|n['’]t)(?: immediately)? (?:respond|reply|return|answer)|declined to (?:comment|discuss)"
    r"|(?:was|were|is|are) (?:unable|not able|unavailable) (?:to comment|for comment)|could not be reached"
    r"|no (?:immediate )?comment|refused to comment|would not comment)", re.I)
DENIAL_RE = re.compile(r"\b(?:not true|no (?:link|links|connection|involvement|role|truth)|baseless"
                       r"|unfounded|fabricat\w+|had nothing to do|has nothing to do|have nothing to do)\b", re.I)
RESPONSIBILITY_RE = re.compile(r"^(?:it|we|they|the group)\s+(?:had\s+|has\s+)?(?:carried out|was behind|were behind"
                               r"|conducted|launched|staged|executed|is behind|are behind)\b", re.I)
DENY_VERBS = {"deny", "reject", "dismiss", "refute", "dispute", "rebut", "disavow"}
HEDGE_CUES = {"believe", "suspect", "think", "speculate", "guess", "suppose", "assume"}
HEDGE_ADVERBS = {"reportedly", "supposedly", "possibly", "likely", "probably", "apparently", "perhaps",
                 "allegedly", "seemingly", "maybe", "presumably", "purportedly", "ostensibly"}
HEDGE_MODALS = {"could", "may", "might"}
HEDGE_VERBS = {"seem", "appear"}
PASSIVE_HEDGES = {"believe", "suspect", "think", "say", "report", "understand", "allege", "rumor", "rumour"}


def stance_of(doc: Doc, text: str, draft: Draft) -> str:
    start, end = draft.content
    content = text[start:end]
    cue = draft.cue_token
    lemma = cue.lemma_.lower() if cue is not None else ""
    if draft.role == "no_comment" or NO_COMMENT_RE.search(content) and len(content) < 80:
        return "no_comment"
    if lemma in DENY_VERBS or DENIAL_RE.search(content):
        return "denies"
    if _responsibility(cue, content):
        return "claims_responsibility"
    if lemma in HEDGE_CUES or _hedged_cue(cue) or _hedged_predicate(doc, draft.stance_span or draft.content):
        return "hedges"
    return "asserts"


def _responsibility(cue: Token | None, content: str) -> bool:
    if cue is not None and cue.lemma_.lower() in ("claim", "take", "accept", "assume"):
        if any(c.lower_ in ("responsibility", "credit") for c in cue.children):
            return True
    return bool(RESPONSIBILITY_RE.search(content))


def _hedged_cue(cue: Token | None) -> bool:
    return cue is not None and any(c.lower_ in HEDGE_ADVERBS for c in cue.children if c.dep_ == "advmod")


def _hedged_predicate(doc: Doc, content: tuple[int, int]) -> bool:
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.lemma_.lower() in HEDGE_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in root.children):
        return True
    if root.lemma_.lower() in PASSIVE_HEDGES and any(c.dep_ == "auxpass" for c in root.children):
        return any(c.dep_ == "xcomp" for c in root.children)  # "is believed to have …"
    return any(_hedge_child(c) for c in root.children)


def _hedge_child(child: Token) -> bool:
    if child.dep_ == "aux" and child.lower_ in HEDGE_MODALS:
        return True
    return child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS
