"""Stage `claims`: who says what, how sure, who agrees.

One pass over the parse finds cues (reporting verbs in any voice and order,
"according to", refusals to comment); each cue gives a claim whose content is the
reported clause (the verb's clausal complement, its object for verbs like "call
for", or the rest of the sentence for parentheticals: "…, commanders say."),
and whose source is the subject's whole phrase. Quotations (see quotes.py) then
take the cue next to them; a quotation with no cue of its own continues the
speaker before it (split quotes, multi-paragraph quotes). Also: reporting nouns with
an owner ("Trump's claim that …"), agentless reports with no source ("X is expected
to …", "X seems to …"), speakers given by layout and title-case headlines. A cue reports
only within its own paragraph (the parser runs on across headlines and datelines). Last,
stance (stance.py) and the corroboration and contradiction links between claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from claimgraph.extract import cues as C
from claimgraph.extract.links import link_claims
from claimgraph.extract.model import Claim, ClaimSource, Extraction, Span
from claimgraph.extract.quotes import Quote, find_quotes
from claimgraph.extract.sources import (
    EntityIndex, SourcePhrase, build_source, extend_to_clause_end, phrase_for,
)
from claimgraph.extract.stance import stance_of

# Speech marked by layout alone: "PENCE: Well, look, …" (transcripts), "“…” ― Sonya Herridge" (vox pops).
SPEAKER_RE = re.compile(r"^[\s\"“]*((?:[A-Z][A-Z.'\-]+)(?: [A-Z][A-Z.'\-]+){0,2}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(:)\s+\S")
# Matched at a quote's end (Pattern.match(text, pos): no "^", which would anchor at a line start).
SIGNATURE_RE = re.compile(r"[”\"]?[^\S\n]*([―—–])[^\S\n]*([A-Z][^\n]{1,60})$", re.M)
# Headline cues: the cue verbs less those whose plural is as often a noun ("Power Plant Rules Face …").
HEADLINE_CUES = C.CUE_VERBS - C.QUOTE_ONLY - {"rule", "return", "report", "charge", "point", "plan", "demand",
                                              "support", "order", "offer", "post", "project", "answer", "read"}
QUOTE_MARKS = ("\"", "“", "”", "''", "«", "»")
EDGE_PUNCT = set(",;:.—–-\"“”'‘’«»()")


@dataclass
class Draft:
    """A claim before ids: spans, the parse tokens it came from, and how it was found."""

    content: Span
    cue: Span | None
    source: SourcePhrase | None
    role: str = "speech"  # speech | quote | according | no_comment | corroboration | continuation
    cue_token: Token | None = None
    stance: str = "asserts"
    same_source_as: Draft | None = None  # continuations share the earlier quote's source
    stance_span: Span | None = None  # where content bridges a split quote: its first half
    quote: Quote | None = None
    sent_start: int = 0
    clausal: bool = False  # content is the cue's own complement, not the sentence around it
    quote_only: bool = False  # kept only where a quotation attaches to it (see cues.QUOTE_ONLY)
    claim: Claim | None = field(default=None, repr=False)


class Claims:
    """Stage `claims` (see the module docstring)."""

    name = "claims"

    def __init__(self, registry=None):
        self.registry = registry  # sources resolve through ex.entities; kept for a uniform stage API

    def __call__(self, ex: Extraction) -> None:
        doc, text = ex.doc, ex.doc.text  # Doc.text joins every token: read it once
        quotes = find_quotes(text)
        drafts = find_cue_claims(doc, quotes)
        drafts += quote_claims(text, quotes, drafts)
        drafts = [d for d in drafts if not d.quote_only or d.quote is not None]
        drafts += layout_claims(doc, text, quotes, drafts)
        drafts = headline_claims(doc, drafts)
        drafts = sorted(_dedupe(drafts), key=lambda d: d.content)
        _to_claims(ex, text, drafts)
        link_claims(ex, text, drafts)


# --- cues -------------------------------------------------------------------------------------

def find_cue_claims(doc: Doc, quotes: list[Quote]) -> list[Draft]:
    inside = _quoted_chars(quotes)
    drafts = []
    for sent in (piece for s in doc.sents for piece in _paragraph_pieces(s)):
        for token in sent:
            if token.idx in inside:
                continue  # speech reported inside a quotation belongs to the quotation
            draft = _draft_for(token, sent)
            if draft is not None:
                draft.sent_start = sent.start_char
                drafts.append(draft)
    return drafts


def _paragraph_pieces(sent: TokenSpan) -> list[TokenSpan]:
    """A parsed sentence cut at paragraph breaks: the parser runs on across a headline, a
    dateline or a quote that closes one paragraph, and a cue reports only within its own."""
    doc, pieces, start = sent.doc, [], sent.start
    for token in sent:
        if "\n" in token.text:
            pieces += [doc[start:token.i]] if token.i > start else []
            start = token.i + 1
    return pieces + ([doc[start:sent.end]] if start < sent.end else [])


def _quoted_chars(quotes: list[Quote]) -> set[int]:
    return {i for q in quotes for i in range(q.start, q.end)}


def _draft_for(token: Token, sent: TokenSpan) -> Draft | None:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return _according(token, sent)
    if token.i == sent.start and token.lower_ in ("in", "by"):
        return _in_document(token, sent)
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma in C.REPORT_NOUNS:
        return _nominal(token, sent)
    if token.pos_ not in ("VERB", "AUX") or lemma not in C.GATE_VERBS:
        return None
    if C.is_no_comment(token):
        return _no_comment(token)
    if C.is_corroboration(token):
        return _corroboration(token)
    return _speech(token, sent)


def _speech(verb: Token, sent: TokenSpan) -> Draft | None:
    if C.agentless_passive(verb) is not None or verb.lemma_.lower() in C.APPEARANCE:
        return _sourceless(verb, sent)
    subject = C.subject_of(verb)
    if subject is None and verb.lemma_.lower() not in C.IMPERSONAL_OK:
        return None
    if C.describes_habit(verb):
        return None
    source = phrase_for(subject) if subject is not None else None
    if source is not None and subject.dep_ == "pobj" and subject.i > verb.i:
        source = extend_to_clause_end(source)  # a passive's agent list closes the sentence
    quote_only = verb.lemma_.lower() in C.QUOTE_ONLY and not C.complement_of(verb)
    if quote_only and C.has_object(verb):
        return None  # "continued to call for …", "sang a song"
    colon = _after_colon(verb, sent)
    content = colon or (_rest_of_sentence(verb, sent, source) if quote_only else _content_of(verb, sent, source))
    if content is None:
        return None
    return Draft(content, _cue_span(verb), source, cue_token=verb, clausal=bool(C.complement_of(verb)),
                 quote_only=quote_only and colon is None)


def _after_colon(verb: Token, sent: TokenSpan) -> Span | None:
    """"Limbaugh continued:" closing a paragraph: what he said is the paragraph after it."""
    tail = [t for t in verb.doc[verb.i + 1:sent.end] if not t.is_space]
    if not tail or tail[-1].text != ":" or len(tail) > 6 or \
            any(sent.start <= c.i < sent.end for c in C.complement_of(verb)):
        return None  # a complement in this paragraph is the content; one past the break is misparsed
    doc, start = verb.doc, sent.end
    while start < len(doc) and (doc[start].is_space or doc[start].text == ":"):
        start += 1
    end = start
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return _tight(doc, start, end)


def _content_of(verb: Token, sent: TokenSpan, source: SourcePhrase | None) -> Span | None:
    lemma = verb.lemma_.lower()
    complement = C.complement_of(verb)
    if complement:
        return _subtree_span(complement, avoid=verb, within=sent)
    if lemma in C.PARENTHETICAL and not (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in C.CUE_VERBS):
        return _rest_of_sentence(verb, sent, source)  # not "X said Y was only joking": that is X's content
    return None


def _nominal(noun: Token, sent: TokenSpan) -> Draft | None:
    """A reporting noun with its owner and its clause: "Trump's claim that there were …"."""
    owner, clause = C.noun_complement(noun)
    if owner is None or clause is None:
        return None
    content = _subtree_span([clause], avoid=noun, within=sent)
    if content is None:
        return None
    return Draft(content, (noun.idx, noun.idx + len(noun)), phrase_for(owner), role="nominal", cue_token=noun)


def _sourceless(verb: Token, sent: TokenSpan) -> Draft | None:
    """"X is expected to …", "X seems to …": the whole clause, subject included, with no source."""
    if verb.lemma_.lower() in C.APPEARANCE and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None
    skip = {"cc", "conj", "advcl", "punct", "mark", "prep"}
    tokens = [t.i for c in verb.children if c.dep_ not in skip or c.i > verb.i and c.dep_ == "prep"
              for t in c.subtree] + [verb.i]
    tokens = [i for i in tokens if sent.start <= i < sent.end]
    content = _tight(verb.doc, min(tokens), max(tokens) + 1)
    if content is None:
        return None
    return Draft(content, _cue_span(verb), None, role="sourceless", cue_token=verb)


def _in_document(prep: Token, sent: TokenSpan) -> Draft | None:
    """"In this poll, Trump rose …": the sentence after a leading document phrase, where no
    reporting verb of its own takes the clause."""
    objects = [c for c in prep.children if c.dep_ == "pobj" and c.lower_ in C.SOURCE_DOCUMENTS]
    if not objects or prep.head.lemma_.lower() in C.CUE_VERBS:
        return None
    if any(t.lemma_.lower() in C.CUE_VERBS and t.pos_ == "VERB" for t in sent):
        return None
    content = _outside(sent, {t.i for t in prep.subtree})
    if content is None:
        return None
    return Draft(content, (prep.idx, prep.idx + len(prep)), phrase_for(objects[0]), role="according", cue_token=prep)


def _according(token: Token, sent: TokenSpan) -> Draft | None:
    to = next(c for c in token.children if c.lower_ == "to")
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = phrase_for(objects[0])
    skip = {t.i for t in token.subtree}
    content = _outside(sent, skip)
    if content is None:
        return None
    cue = (token.idx, to.idx + len(to))
    return Draft(content, cue, source, role="according", cue_token=token)


def _no_comment(verb: Token) -> Draft | None:
    subject = C.subject_of(verb)
    if subject is None:
        return None
    source = phrase_for(subject)
    tokens = [t for t in verb.subtree if t.i > source.span.end - 1 or t.i < source.span.start]
    tokens = [t for t in tokens if t.i >= verb.i or t.dep_ in ("aux", "neg", "advmod", "auxpass")]
    content = _tight(verb.doc, min(t.i for t in tokens), max(t.i for t in tokens) + 1)
    return Draft(content, _cue_span(verb), source, role="no_comment", cue_token=verb, stance="no_comment")


def _corroboration(verb: Token) -> Draft | None:
    agent, account = C.confirmers_of(verb)
    if agent is None or account is None:
        return None
    side = [t for t in account.subtree if (t.i < verb.i) == (account.i < verb.i)]
    content = _tight(verb.doc, side[0].i, side[-1].i + 1)
    if content is None and len(side) == 1:
        content = (side[0].idx, side[0].idx + len(side[0]))  # "This was confirmed by …"
    if content is None:
        return None
    source = extend_to_clause_end(phrase_for(agent)) if agent.i > verb.i else phrase_for(agent)
    return Draft(content, _cue_span(verb), source, role="corroboration", cue_token=verb)


def _cue_span(verb: Token) -> Span:
    """The verb with its particle or preposition ("called for", "pointed to")."""
    end = verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child)
    return (verb.idx, end)


def _subtree_span(heads: list[Token], avoid: Token, within: TokenSpan | None = None) -> Span | None:
    tokens = [t.i for head in heads for t in head.subtree]
    if within is not None:
        tokens = [i for i in tokens if within.start <= i < within.end] or tokens
    start, end = min(tokens), max(tokens) + 1
    marks = [c.i for h in heads for c in h.children if c.dep_ == "mark" and c.lower_ == "that"]
    if marks:  # "said in April after the attack that …": the clause starts at its complementizer
        start = max(start, min(marks))
    if start <= avoid.i < end:  # a parse that folds the cue into its complement: keep the larger side
        start, end = (start, avoid.i) if avoid.i - start >= end - avoid.i - 1 else (avoid.i + 1, end)
    return _tight(avoid.doc, start, end)


def _rest_of_sentence(verb: Token, sent: TokenSpan, source: SourcePhrase | None) -> Span | None:
    """Parenthetical cues ("…, commanders say", "X said, adding"): the sentence minus the cue clause."""
    skip = {verb.i} | {t.i for c in _clause_parts(verb) for t in c.subtree}
    if source is not None:
        skip |= set(range(source.span.start, source.span.end))
    content = _outside(sent, skip, whole=verb.dep_ == "parataxis")
    that = _late_complementizer(verb, sent)
    if content is not None and that is not None and content[0] <= that.idx < content[1]:
        return _tight(verb.doc, that.i + 1, sent.end)
    if content is None and sent.start > 0 and (sent[0].is_punct or verb.doc[sent.start - 1].text in QUOTE_MARKS):
        return _previous_sentence(sent)  # ". , Reuters reported", "“Why?” she asked.": the stop split it
    return content


def _late_complementizer(verb: Token, sent: TokenSpan) -> Token | None:
    """"said in April after the attack that Iran had …" where the parser hung the clause on
    "attack": the report starts at the first "that" after the cue's adverbials."""
    for token in verb.doc[verb.i + 1:min(sent.end, verb.i + 10)]:
        if token.lower_ == "that":
            return token
        if token.pos_ in ("VERB", "AUX") or token.is_punct:
            return None
    return None


def _clause_parts(verb: Token) -> list[Token]:
    """The cue's own short dependents; a long one is more likely the misparsed content."""
    return [c for c in verb.children if c.dep_ in C.CLAUSE_DEPS and len(list(c.subtree)) <= 8]


def _outside(sent: TokenSpan, skip: set[int], whole: bool = False) -> Span | None:
    """The longer run of sentence tokens left or right of the skipped clause (both around a
    mid-sentence parenthetical: "The groups, he said, are separate")."""
    lo, hi = min(skip), max(skip) + 1
    left = _tight(sent.doc, sent.start, max(sent.start, min(lo, hi)))
    right = _tight(sent.doc, min(sent.end, hi), sent.end)
    runs = [r for r in (left, right) if r is not None]
    if whole and len(runs) == 2:
        return (left[0], right[1])
    return max(runs, key=lambda r: r[1] - r[0]) if runs else None


def _previous_sentence(sent: TokenSpan) -> Span | None:
    doc = sent.doc
    prev = doc[sent.start - 1].sent
    breaks = [t.i for t in doc[prev.start:sent.start] if "\n" in t.text_with_ws]
    if breaks and breaks[-1] >= prev.end - 1:
        return None  # the sentence before is in another paragraph
    start = breaks[-1] + 1 if breaks else prev.start  # a run-on from a headline: keep the last paragraph
    return _tight(doc, start, prev.end)


def _tight(doc: Doc, start: int, end: int) -> Span | None:
    """Token range trimmed of edge punctuation, quote marks and a leading "that"; None if too short."""
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].is_space
                           or doc[start].lower_ in ("that", "but", "and")):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].is_space):
        end -= 1
    if end - start < 2:
        return None
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


# --- quotations -------------------------------------------------------------------------------

def quote_claims(text: str, quotes: list[Quote], drafts: list[Draft]) -> list[Draft]:
    """Give each quotation to the cue beside it. An uncued quotation in the same paragraph
    extends the claim before it ("“A,” an official said. “B.”" is one claim: its content
    bridges both halves, as annotators of attribution mark it); one that opens the next
    paragraph of a multi-paragraph quotation is a claim of its own with the same source."""
    found: list[Draft] = []
    by_quote: dict[int, Draft] = {}
    for index, quote in enumerate(quotes):
        owner = _cue_for_quote(text, quote, drafts)
        if owner is not None:
            owner.content, owner.quote, owner.role = _with_lead_in(text, quote, owner), quote, "quote"
            by_quote[index] = owner
        elif quote.continues is not None and quote.continues in by_quote:
            previous = _root_source(by_quote[quote.continues])
            by_quote[index] = Draft(quote.span, None, None, role="continuation", same_source_as=previous,
                                    quote=quote)
            found.append(by_quote[index])
        elif index - 1 in by_quote and quotes[index - 1].paragraph == quote.paragraph \
                and not _attributed_elsewhere(quote, drafts):
            before = by_quote[index] = by_quote[index - 1]
            before.stance_span = before.stance_span or before.content
            before.content = (before.content[0], quote.end)
    return found


def _with_lead_in(text: str, quote: Quote, owner: Draft) -> Span:
    """A quote that finishes a sentence begun in the writer's words ("Using the tax ''is a
    misguided approach,'' said Mr. Burman") reports the whole sentence up to its close."""
    lead = text[owner.sent_start:quote.start].rstrip(" \"“”„«»'")  # up to the opening mark
    cue_at = owner.cue[0] if owner.cue else quote.end
    if owner.sent_start >= quote.start or cue_at < quote.end or "\n" in lead or len(lead.split()) < 2:
        return quote.span
    if any(mark in lead for mark in QUOTE_MARKS):
        return quote.span  # a quote before it in the same sentence: leave the writer's words out
    return (owner.sent_start + len(lead) - len(lead.lstrip()), quote.end)


def layout_claims(doc: Doc, text: str, quotes: list[Quote], drafts: list[Draft]) -> list[Draft]:
    """Speech whose speaker is given by layout, not grammar (see SPEAKER_RE, SIGNATURE_RE)."""
    taken = sorted(d.content for d in drafts)
    found = []
    for para in re.finditer(r"[^\n]+", text):
        speaker = SPEAKER_RE.match(para.group())
        if speaker and len(para.group().split()) > 5 and not _taken(taken, para.start(), para.end()):
            name = (para.start() + speaker.start(1), para.start() + speaker.end(1))
            colon = (para.start() + speaker.start(2), para.start() + speaker.end(2))
            draft = _layout_draft(doc, name, (colon[1], para.end()), colon)
            found += [draft] if draft else []
    for quote in quotes:
        signed = SIGNATURE_RE.match(text, quote.end)
        if signed and not _taken(taken, quote.start, quote.end):
            draft = _layout_draft(doc, signed.span(2), quote.span, signed.span(1))
            found += [draft] if draft else []
    return found


def headline_claims(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A title-case headline "Flynn Says Trump 'Absolutely Right'" defeats the parser (every word
    is a proper noun): a cue verb in the third person splits it into source and content, and
    replaces whatever the parse made of the line."""
    title = _first_line(doc)
    if title is None:
        return drafts
    for token in title:
        if token.i > title.start and _third_person_cue(token.text) and token.text[:1].isupper():
            source, content = doc[title.start:token.i], _tight(doc, token.i + 1, title.end)
            if content is None or not 0 < len(source) <= 6:
                return drafts
            kept = [d for d in drafts if not title.start_char <= d.content[0] < title.end_char]
            return kept + [Draft(content, (token.idx, token.idx + len(token)),
                                 SourcePhrase(source, source[-1]), role="headline")]
    return drafts


def _first_line(doc: Doc) -> TokenSpan | None:
    end = next((t.i for t in doc if "\n" in t.text), len(doc))
    start = next((t.i for t in doc[:end] if not t.is_space), end)
    return doc[start:end] if 3 <= end - start <= 20 else None


def _third_person_cue(word: str) -> bool:
    w = word.lower()
    stems = {w[:-1], w[:-2], w[:-3] + "y"} if w.endswith("s") and len(w) > 3 else set()
    return bool(stems & HEADLINE_CUES)


def _taken(taken: list[Span], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def _layout_draft(doc: Doc, name: Span, content: Span, cue: Span) -> Draft | None:
    name_span = doc.char_span(*name, alignment_mode="expand")
    body = doc.char_span(*content, alignment_mode="expand")
    if name_span is None or body is None or not len(name_span):
        return None
    body_span = _tight(doc, body.start, body.end)
    if body_span is None:
        return None
    return Draft(body_span, cue, SourcePhrase(name_span, name_span.root), role="layout")


def _cue_for_quote(text: str, quote: Quote, drafts: list[Draft]) -> Draft | None:
    """The cue claim whose content lies within this quote, or whose cue abuts it."""
    for draft in drafts:
        if draft.quote is not None or draft.role not in ("speech", "according"):
            continue
        c_start, c_end = draft.content
        inside = c_start >= quote.start - 2 and c_end <= quote.end + 2
        if inside or _abuts(text, draft, quote) and not _reports_elsewhere(draft, quote):
            return draft
    return None


def _reports_elsewhere(draft: Draft, quote: Quote) -> bool:
    """The cue already reports a clause of its own after it, clear of the quote: a quote
    before the speaker is then a title or a name ("On “Fox News Sunday,” Pence said his …")."""
    return draft.clausal and draft.cue is not None and draft.content[0] >= draft.cue[1] and \
        (draft.content[1] <= quote.start or draft.content[0] >= quote.end)


def _abuts(text: str, draft: Draft, quote: Quote) -> bool:
    """The cue clause sits right after the quote ("…,” X said) or right before it (X said: “…)."""
    if draft.cue is None:
        return False
    lo = min(draft.cue[0], draft.source.span.start_char if draft.source else draft.cue[0])
    hi = max(draft.cue[1], draft.source.span.end_char if draft.source else draft.cue[1])
    gap_after = text[quote.end:lo] if lo >= quote.end else "\n"
    gap_before = text[hi:quote.start] if hi <= quote.start else "\n"
    return (len(gap_after) <= 4 and "\n" not in gap_after) or \
        (len(gap_before) <= 4 and "\n" not in gap_before and ":" in gap_before + text[hi:hi + 1])


def _attributed_elsewhere(quote: Quote, drafts: list[Draft]) -> bool:
    """A later cue of its own reports this quote ("“B” to drive up …, she said"): no bridging."""
    return any(d.quote is None and d.role == "speech" and d.content[0] < quote.end and quote.start < d.content[1]
               for d in drafts)


def _root_source(draft: Draft) -> Draft:
    while draft.same_source_as is not None:
        draft = draft.same_source_as
    return draft


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One claim per content: the same clause found twice (a cue and its conjunct) is kept once."""
    seen: dict[Span, Draft] = {}
    for draft in drafts:
        seen.setdefault(draft.content, draft)
    return list(seen.values())


# --- records ----------------------------------------------------------------------------------

def _to_claims(ex: Extraction, text: str, drafts: list[Draft]) -> None:
    index = EntityIndex(ex)
    previous: ClaimSource | None = None
    for draft in drafts:
        source = _source_for(ex, draft, previous, index)
        draft.stance = draft.stance if draft.role == "no_comment" else stance_of(ex.doc, text, draft)
        claim = Claim(id=ex.new_id("c", ex.claims), content=draft.content, source=source,
                      cue=draft.cue, stance=draft.stance)
        draft.claim = claim
        ex.claims.append(claim)
        previous = source


def _source_for(ex: Extraction, draft: Draft, previous: ClaimSource | None, index: EntityIndex) -> ClaimSource:
    if draft.same_source_as is not None and draft.same_source_as.claim is not None:
        shared = draft.same_source_as.claim.source
        return ClaimSource(**{**shared.__dict__})
    if draft.source is None:
        return ClaimSource(text="", kind="other", span=None, anonymous=True, count=None)
    return build_source(ex, draft.source, previous, index)
