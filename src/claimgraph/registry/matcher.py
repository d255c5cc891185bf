"""One fast name matcher for every lexicon (actors, sites, weapons).

Matching works on normalised token keys, so it survives case, hyphen and apostrophe
variants ("Kata'ib Hizballah", "Kataib Hizballah"; "al-Asad", "al Asad"), periods in
acronyms ("U.S." / "US"), possessives (the tokenizer splits "'s") and plural
acronyms ("IRGCs"). Short all-capital acronyms match case-sensitively ("IS" is not
"is"). Two-word names with a generic head ("Quds Force") also match in the garbled
order machine translation produces ("force Quds", "Force leader Quds").

The scan is one pass over the tokens with set lookups: no regular expressions, no
per-document setup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claimgraph.registry.actors import is_acronym

_STRIP = str.maketrans("", "", "'’`ʼʿ‘.")
_JOINERS = {"-", "–", "—", "‐", "'", "’", "."}
GENERIC_HEADS = {
    "force", "forces", "army", "guard", "guards", "corps", "brigade", "brigades", "front", "party",
    "movement", "council", "organization", "organisation", "group", "battalion", "battalions",
    "division", "command", "militia", "network", "ministry", "agency", "service",
}


# Names like "Iraqi forces" are descriptions, not names: their garbled order means nothing.
NATIONALITY_WORDS = {
    "us", "american", "iraqi", "iranian", "syrian", "israeli", "palestinian", "lebanese", "saudi",
    "turkish", "russian", "ukrainian", "british", "french", "afghan", "pakistani", "yemeni", "libyan",
    "sudanese", "somali", "nigerian", "malian", "kurdish", "egyptian", "jordanian", "emirati", "qatari",
    "coalition", "government", "security", "special", "armed", "national", "federal", "royal", "state",
}


@dataclass(frozen=True)
class NameEntry:
    """What a matched name stands for."""

    label: str  # the spaCy entity label to give the span: PERSON, ORG, GPE, FAC, WEAPON
    kb_id: str  # "actor:quds-force", "place:ain-al-asad", "weapon:drone"
    needs_capital: bool = True  # proper names must be written with a capital somewhere


def name_key(text: str) -> str:
    return text.lower().translate(_STRIP)


def cased_key(text: str) -> str:
    return text.translate(_STRIP)


class NameMatcher:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.names: dict[tuple[str, ...], NameEntry] = {}
        self.cased: dict[tuple[str, ...], NameEntry] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        self.cased_prefixes: set[tuple[str, ...]] = set()
        self.garbled: dict[tuple[str, str], NameEntry] = {}
        self.max_len = 1

    def add(self, alias: str, entry: NameEntry) -> None:
        """Register one surface form. The first entry for a key wins (registry order)."""
        if is_acronym(alias):
            key = tuple(cased_key(t) for t in self._pieces(alias))
            self._put(self.cased, self.cased_prefixes, key, entry)
            self._put(self.cased, self.cased_prefixes, key[:-1] + (key[-1] + "s",), entry)  # IRGCs
            return
        key = tuple(name_key(t) for t in self._pieces(alias))
        self._put(self.names, self.prefixes, key, entry)
        if len(key) == 2 and key[1] in GENERIC_HEADS and key[0] not in GENERIC_HEADS | NATIONALITY_WORDS:
            self.garbled.setdefault((key[1], key[0]), entry)

    def add_all(self, items: Iterable[tuple[str, NameEntry]]) -> None:
        for alias, entry in items:
            self.add(alias, entry)

    def _pieces(self, text: str) -> list[str]:
        pieces = []
        for token in self.tokenizer(text):
            pieces.extend(p for p in _split_token(token.text) if p)
        return pieces

    def _put(self, table, prefixes, key, entry) -> None:
        key = tuple(k for k in key if k)
        if not key or key in table:
            return
        table[key] = entry
        self.max_len = max(self.max_len, len(key))
        for i in range(1, len(key) + 1):
            prefixes.add(key[:i])

    def __call__(self, doc: Doc) -> list[Span]:
        keys, cased, owners = _doc_keys(doc)
        found: list[tuple[int, int, NameEntry]] = []
        for i in range(len(keys)):
            self._scan(keys, owners, i, self.names, self.prefixes, found)
            self._scan(cased, owners, i, self.cased, self.cased_prefixes, found)
            self._garble(doc, keys, owners, i, found)
        return _to_spans(doc, found)

    def _scan(self, keys, owners, i, table, prefixes, found) -> None:
        seq: tuple[str, ...] = ()
        for j in range(i, min(len(keys), i + self.max_len)):
            seq = seq + (keys[j],)
            if seq not in prefixes:
                return
            entry = table.get(seq)
            if entry is not None:
                found.append((owners[i], owners[j] + 1, entry))

    def _garble(self, doc, keys, owners, i, found) -> None:
        if keys[i] not in GENERIC_HEADS:
            return
        for gap in (1, 2):  # "force Quds", "Force leader Quds"
            if i + gap >= len(keys):
                return
            entry = self.garbled.get((keys[i], keys[i + gap]))
            between = doc[owners[i] + 1: owners[i + gap]]
            if entry and all(t.is_lower and t.is_alpha for t in between) and doc[owners[i + gap]].text[:1].isupper():
                found.append((owners[i], owners[i + gap] + 1, entry))


def _split_token(text: str) -> list[str]:
    """Hyphenated tokens ("U.S.-led", "pro-Iranian") give one key per part."""
    if text in _JOINERS:
        return []
    if "-" in text[1:-1]:
        return [part for part in text.split("-") if part]
    return [text]


def _doc_keys(doc: Doc) -> tuple[list[str], list[str], list[int]]:
    keys, cased, owners = [], [], []
    for token in doc:
        for piece in _split_token(token.text):
            lowered = name_key(piece)
            if not lowered:
                continue
            keys.append(lowered)
            cased.append(cased_key(piece))
            owners.append(token.i)
    return keys, cased, owners


def _to_spans(doc: Doc, found: list[tuple[int, int, NameEntry]]) -> list[Span]:
    """Longest matches first, no overlaps; proper names need a capital letter."""
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: set[int] = set()
    spans = []
    for start, end, entry in found:
        if taken.intersection(range(start, end)):
            continue
        if entry.needs_capital and not any(t.text[:1].isupper() for t in doc[start:end]):
            continue
        taken.update(range(start, end))
        spans.append(Span(doc, start, end, label=entry.label, kb_id=entry.kb_id))
    return sorted(spans, key=lambda s: s.start)
