"""The cleaning stage: text normalisation, boilerplate removal, wire origin, fingerprints.

`clean_text` has two modes. Raw inputs (.txt, HTML, feeds) have no offsets yet, so
they may be reshaped freely. JSON/JSONL texts may already carry annotations by
character offset, so with `preserve_offsets=True` every change is a one-for-one
character substitution: same length, every character at the same index.

Line ends, the one choice that needs thought: "\\r\\n" cannot become "\\n" without
shifting offsets, so in preserve mode it becomes " \\n" (the "\\r" turns into a space
and the line break stays where it was) and a lone "\\r" (old Mac line end) becomes
"\\n". In raw mode both become a plain "\\n".
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from datasketch import MinHash

# --- one-for-one substitutions (both modes) --------------------------------------

# Unusual quotes -> the standard curly ones; fullwidth straight -> ASCII straight.
_QUOTES = {
    "«": "“", "»": "”", "„": "“", "‟": "“", "〝": "“", "〞": "”", "〟": "”", "＂": '"',
    "‹": "‘", "›": "’", "‚": "‘", "‛": "‘", "＇": "'",
}
# Primes used as quotes become quotes; after a digit they are minutes and seconds
# ("33°47′21″N") and stay, so coordinates still parse.
_PRIMES = {"″": "”", "‶": "“", "′": "’", "‵": "‘"}
_PRIME_AS_QUOTE = re.compile(r"(?<![\d°′″])[″‶′‵]")
# Unicode spaces and tabs -> " ". Zero-width characters are not spaces: ZWNJ/ZWJ carry
# meaning in Persian and Arabic script, so they are left alone.
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Line and paragraph separators -> "\n" (one char each, so offsets hold).
_NEWLINES = "\v\f\x85\u2028\u2029"
_CONTROLS = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\n\r\v\f\t\x85"]

_TABLE = str.maketrans(
    {**_QUOTES, **{c: " " for c in _SPACES}, **{c: "\n" for c in _NEWLINES}, **{c: " " for c in _CONTROLS}}
)
# A German-style „…“ pair: the closing “ becomes ” (same length) once „ is mapped to “.
_LOW_QUOTE_PAIR = re.compile(r"„([^“”„\n]{0,2000})“")

# --- raw mode only ------------------------------------------------------------------

# Invisible characters that only split words; dropped when offsets do not matter.
_INVISIBLE = str.maketrans({"\u200b": None, "\u2060": None, "\ufeff": None, "\u00ad": None})
_BOILERPLATE = re.compile(
    r"^[ ]*(?:"
    r"source link|comments are closed\.?|share this:?|like this:?|loading\.{3}|loading…"
    r"|related(?: posts| articles| stories)?:?|advertisement|read more\b.{0,100}"
    r"|click to (?:share|print|email) (?:on |this )?.{0,60}|share on (?:facebook|twitter|whatsapp|linkedin|x)\b.{0,40}"
    r"|subscribe to our newsletter.{0,80}|follow us on .{0,60}|sign up for .{0,80}"
    r"|.{0,80}\ball rights reserved\b.{0,40}"
    r")[ ]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SPACE_RUNS = re.compile(r" {2,}")
_LINE_EDGE_SPACES = re.compile(r"^ +| +$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(text: str, *, preserve_offsets: bool = False) -> str:
    """Normalise `text`; see the module docstring for what each mode may change."""
    if preserve_offsets:
        return _substitute(text.replace("\r\n", " \n").replace("\r", "\n"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _substitute(text).translate(_INVISIBLE)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # composed accents, so names match the registries
    text = _BOILERPLATE.sub("", text)
    text = _LINE_EDGE_SPACES.sub("", _SPACE_RUNS.sub(" ", text))
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _substitute(text: str) -> str:
    """The one-for-one substitutions shared by both modes."""
    if "„" in text:
        text = _LOW_QUOTE_PAIR.sub(r"„\1”", text)
    if any(prime in text for prime in _PRIMES):
        text = _PRIME_AS_QUOTE.sub(lambda match: _PRIMES[match[0]], text)
    return text.translate(_TABLE)


# --- wire origin ------------------------------------------------------------------

_AGENCIES = {
    "Reuters": "Reuters", "AP": "AP", "Associated Press": "AP", "AFP": "AFP",
    "Agence France-Presse": "AFP", "Agence France Presse": "AFP", "dpa": "dpa", "DPA": "dpa",
    "Deutsche Presse-Agentur": "dpa", "Xinhua": "Xinhua", "Xinhua News Agency": "Xinhua",
    "Anadolu": "Anadolu", "Anadolu Agency": "Anadolu", "ANI": "ANI", "Asian News International": "ANI",
    "UPI": "UPI", "United Press International": "UPI",
}
_NAME = "|".join(sorted(map(re.escape, _AGENCIES), key=len, reverse=True))
_FULL_NAME = "|".join(re.escape(name) for name in _AGENCIES if " " in name or "-" in name)
# A dateline or credit, the strongest sign of origin: "BAGHDAD (Reuters) -", "(AP) —",
# "(dpa)". A bare "(AP)" needs the dash: "armour-piercing (AP) rounds" is not a dateline.
_DATELINE = re.compile(rf"\(({_NAME})\)\s*[-–—:]|\((Reuters|AFP|dpa|Xinhua|Anadolu|ANI|UPI)\)")
# The text credits a wire: "Reuters reported", "according to AFP", "told the Associated Press".
_CREDIT = re.compile(
    rf"\b(?:according to|told|reported by|quoted by) (?:the )?({_NAME})\b"
    rf"|\b({_NAME})(?: news agency)? (?:reported|reports|said|says|has learned)\b"
    rf"|\b({_FULL_NAME})\b"
)
# Origin credits sit at the top (dateline, first paragraphs) or in the footer;
# bounding the scan keeps huge texts cheap.
_HEAD, _TAIL = 20_000, 2_000


def detect_wire(text: str) -> str | None:
    """The wire service `text` names as its origin, normalised ("Reuters", "AP", ...)."""
    window = text if len(text) <= _HEAD + _TAIL else text[:_HEAD] + "\n" + text[-_TAIL:]
    for pattern in (_DATELINE, _CREDIT):  # a dateline anywhere beats a credit
        match = pattern.search(window)
        if match:
            return _AGENCIES[next(group for group in match.groups() if group)]
    return None


# --- fingerprints -----------------------------------------------------------------

SHINGLE = 5
_SCHEME = "affine64"  # 64-bit hash values, stored as uint64 bytes
_BATCH = 4096  # shingles per update: bounds the (shingles x num_perm) matrix datasketch builds
_WORD = re.compile(r"\w+")


def fingerprint(text: str, num_perm: int = 128) -> MinHash:
    """MinHash over word 5-shingles of the lower-cased text, punctuation dropped."""
    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=num_perm, scheme=_SCHEME)
    if len(words) < SHINGLE:  # too short for a 5-shingle: the whole text is one shingle
        if words:
            m.update(" ".join(words).encode("utf-8"))
        return m
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    batch = [s.encode("utf-8") for s in shingles]
    for start in range(0, len(batch), _BATCH):
        m.update_batch(batch[start : start + _BATCH])
    return m


def fingerprint_bytes(m: MinHash) -> bytes:
    """The fingerprint as bytes for storage: the hash values as little-endian uint64."""
    return np.asarray(m.hashvalues, dtype="<u8").tobytes()


def fingerprint_from_bytes(b: bytes, num_perm: int = 128) -> MinHash:
    """The MinHash stored by `fingerprint_bytes`."""
    if len(b) != num_perm * 8:
        raise ValueError(f"a fingerprint of {num_perm} permutations is {num_perm * 8} bytes, got {len(b)}")
    return MinHash(num_perm=num_perm, scheme=_SCHEME, hashvalues=np.frombuffer(b, dtype="<u8"))
