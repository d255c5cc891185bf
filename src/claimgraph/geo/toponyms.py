"""Which spans of a parsed document are toponyms.

spaCy's GPE/LOC/FAC entities, split where they hold "Town, State" pairs, plus runs of
proper nouns that the gazetteer knows (spaCy's small model misses many small towns and
tags others as persons or organisations). Nationality words (NORP) are not toponyms.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.geo.gazetteer import WELL_KNOWN_PRIOR, Gazetteer, gazetteer, prior
from claimgraph.geo.tables import DIRECTIONS, ORGANISATION_WORDS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
BLOCKING_LABELS = {"PERSON", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
COUNTY_WORDS = {"County", "Parish", "Province", "Governorate", "District"}
LOCATIVE_PREPOSITIONS = {"in", "at", "from", "near", "to", "outside", "into", "around"}
# Before an "organisation" that is a town's name ("at Kentford"); not "to"/"from", which
# organisations follow as often ("wrote to Congress", "a grant from Toyota").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around"})
PARTY_LETTERS = {"D", "R", "I"}  # "D-Charleston": Democrat of Charleston
MAX_NGRAM = 5
# Labels the small model gives towns it does not know ("in the city of Samarra" NORP).
MISLABELLED = {"NORP", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "PRODUCT"}
# Words after a place name that make the run an organisation named for the place.
ORGANISATION_HEADS = ORGANISATION_WORDS | {"post", "center", "centre", "project", "chamber", "city", "services",
                                             "senate", "house", "census", "survey", "magistrate", "attorney"}
MIN_GUESS_PRIOR = 4.0
Toponym = tuple[int, int, str]
_LOWER_WORDS = "claimgraph.lower_case_words"  # Doc.user_data key


def find_toponyms(doc: Doc, gaz: Gazetteer | None = None) -> list[Toponym]:
    """(start_char, end_char, name) of every toponym, in text order, without overlaps."""
    gaz = gaz or gazetteer()
    found: list[Toponym] = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            found += _entity_parts(_extend(ent), gaz)
        elif ent.label_ == "PERSON" and _person_used_as_place(ent):
            found += _entity_parts(ent, gaz, known_only=True)
        elif ent.label_ in MISLABELLED and _after_locative(ent):
            found += _entity_parts(ent, gaz, known_only=True)
        elif ent.label_ == "ORG" and _after_locative(ent, PLACE_PREPOSITIONS) and _town_name(ent, gaz):
            found += _entity_parts(ent, gaz, known_only=True)
    taken = _taken_tokens(doc)
    found += _gazetteer_runs(doc, gaz, taken) + _home_towns(doc, gaz)
    # Registry sites win overlaps; then the longer of two overlapping spans.
    return _without_overlaps(_registry_sites(doc, gaz) + sorted(set(found), key=lambda t: (t[0], -t[1])))


def _home_towns(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """A legislator's party and home town: "Robert Ford, D-Charleston," -> "Charleston"."""
    out = []
    for tok in doc[1:-2]:
        if tok.text not in PARTY_LETTERS or doc[tok.i + 1].text != "-" or doc[tok.i - 1].text not in ("(", ","):
            continue
        end = tok.i + 2
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].text.rstrip(".").isalpha():
            end += 1  # "D-Columbus", "D-Elbow Lake", "D-Pa."
        if end > tok.i + 2 and gaz.candidates(doc[tok.i + 2:end].text, fuzzy=False):
            out.append(_toponym(doc, tok.i + 2, end))
    return out


def _registry_sites(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """Hand-listed sites ("Ain al-Asad"), whatever label the small model gave them."""
    out = []
    for start, end in _name_runs(doc, set()):
        s = start
        while s < end:
            match = _longest_match(doc, s, end, gaz)
            if match is None:
                s += 1
                continue
            site = gaz.candidates(doc[s:match].text, fuzzy=False)[0]
            if site.source == "places.yaml" and site.precision != "city":  # not a district's name
                out.append(_toponym(doc, s, match))
            s = match
    return out


def _without_overlaps(found: list[Toponym]) -> list[Toponym]:
    """Keep the first-listed of overlapping spans, then put them in text order."""
    kept: list[Toponym] = []
    for t in found:
        if all(t[1] <= k[0] or k[1] <= t[0] for k in kept):
            kept.append(t)
    return sorted(kept)


def _extend(ent: Span) -> Span:
    """"Laurel" + "County": spaCy often leaves the generic word out."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in COUNTY_WORDS:
        return doc[ent.start:ent.end + 1]
    return ent


def _person_used_as_place(ent: Span) -> bool:
    """A one-word "person" that modifies a noun ("a Gainesville restaurant", "Alexandria
    police") or follows "in"/"from": the small model's usual mistake for towns."""
    if len(ent) != 1:
        return False
    doc, i = ent.doc, ent.start
    after = doc[i + 1] if i + 1 < len(doc) else None
    before = doc[i - 1] if i > 0 else None
    if after is not None and after.is_lower and after.pos_ == "NOUN":
        return True
    return before is not None and before.lower_ in LOCATIVE_PREPOSITIONS


def _after_locative(ent: Span, prepositions: frozenset[str] | set[str] = LOCATIVE_PREPOSITIONS) -> bool:
    """"in Samarra", "the city of Samarra", "in central Muqdadiya"."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].lower_ in DIRECTIONS:
        i -= 1
    return i >= 0 and (doc[i].lower_ in prepositions or doc[i].lower_ == "of")


def lower_case_words(doc: Doc) -> set[str]:
    """The words `doc` writes in lower case ("congress"), computed once per document."""
    words = doc.user_data.get(_LOWER_WORDS)
    if words is None:
        words = doc.user_data[_LOWER_WORDS] = {t.text for t in doc if t.is_lower}
    return words


def _town_name(ent: Span, gaz: Gazetteer) -> bool:
    """An "organisation" that is only a town's name ("at Kentford", "in Atalissa"), however
    small the town; not a name the document also writes in lower case ("in Congress")."""
    if any(t.lower_ in ORGANISATION_WORDS for t in ent) or not all(t.text[:1].isupper() for t in ent):
        return False
    cands = gaz.candidates(ent.text, fuzzy=False)
    if not cands or cands[0].precision != "city":
        return False
    return ent.text.lower() not in lower_case_words(ent.doc)


def _entity_parts(ent: Span, gaz: Gazetteer, known_only: bool = False) -> list[Toponym]:
    """"Gainesville, Ga." -> two toponyms; "the city of Mosul" -> "Mosul"."""
    parts, start = [], ent.start
    for tok in list(ent) + [None]:
        if tok is None or tok.text == ",":
            end = tok.i if tok is not None else ent.end
            part = _trim(ent.doc[start:end])
            needs_entry = known_only or ent.label_ == "FAC"
            if part is not None and (not needs_entry or gaz.candidates(part.text, fuzzy=False)):
                parts.append((part.start_char, part.end_char, part.text))
            start = end + 1
    return parts


def _trim(span: Span) -> Span | None:
    tokens = [t for t in span]
    while tokens and (tokens[0].lower_ in ("the", "city", "of", "town", "state", "province") or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct and tokens[-1].text != "."):
        tokens.pop()
    if not tokens:
        return None
    return span.doc[tokens[0].i:tokens[-1].i + 1]


def _taken_tokens(doc: Doc) -> set[int]:
    taken = set()
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ in BLOCKING_LABELS:
            taken.update(range(ent.start, ent.end))
    return taken


def _gazetteer_runs(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Toponym]:
    """Known names in runs of proper nouns spaCy left untagged: the whole run, a
    well-known place that begins one ("U.S. Senate", "Gainesville Police Department"), or
    the words after its last "of" ("Bank of Canada")."""
    out = []
    for start, end in _name_runs(doc, taken):
        match = _longest_match(doc, start, end, gaz)
        if match is not None and (match == end or _names_organisation(doc, start, match, end, gaz)):
            out.append(_toponym(doc, start, match))
            continue
        of = [t.i for t in doc[start:end] if t.lower_ == "of"]
        if of and _longest_match(doc, of[-1] + 1, end, gaz) == end:
            out.append(_toponym(doc, of[-1] + 1, end))
    return out


def _toponym(doc: Doc, start: int, end: int) -> Toponym:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), doc[start:end].text


def _names_organisation(doc: Doc, start: int, match: int, end: int, gaz: Gazetteer) -> bool:
    """The run goes on past the place: keep the place if the rest is an organisation's
    head word, or the place is well known (not "East" of "East Bank")."""
    if any(t.lower_ in ORGANISATION_HEADS for t in doc[match:end]):
        return True
    return prior(gaz.candidates(doc[start:match].text, fuzzy=False)[0]) >= WELL_KNOWN_PRIOR


def _name_runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of name tokens (proper nouns, "of", "al-"), as token ranges."""
    runs, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and _is_name_token(doc[j]):
            j += 1
        start, end = i, j
        while start < end and not doc[start].text[:1].isupper():
            start += 1  # a run starts ("town of Tuz Khurmato") and ends on a capitalised word
        while end > start and not doc[end - 1].text[:1].isupper():
            end -= 1
        if end > start:
            runs.append((start, end))
        i = max(j, i + 1)
    return runs


def _is_name_token(tok: Token) -> bool:
    if tok.is_upper and tok.is_alpha and len(tok) >= 4:
        return True  # a dateline: "BEIRUT:"
    return tok.pos_ == "PROPN" or (tok.is_lower and tok.lower_ in ("of", "al", "el")) or tok.text == "-"


def _longest_match(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int | None:
    for n in range(min(MAX_NGRAM, end - start), 0, -1):
        span = doc[start:start + n]
        if not span[-1].text[:1].isupper():
            continue
        cands = gaz.readings(span.text, fuzzy=False)
        if cands and _confident(cands):
            return start + n
    return None


def _confident(cands: list) -> bool:
    return prior(cands[0]) >= MIN_GUESS_PRIOR
