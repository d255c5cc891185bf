"""Name normalisation: one key for the spellings news uses for the same place.

"al-Anbar Province", "Al Anbār", "Anbar" -> "anbar"; "U.S." -> "us"; "Iraq's" -> "iraq";
"Sana'a" -> "sanaa". Keys are ASCII, lower case, single-spaced.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’‘`ʼʿʾ´"
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s$", re.IGNORECASE)
_DROP = str.maketrans("", "", _APOSTROPHES + ".")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Arabic article, written as its own word after hyphens become spaces ("al-Qaim", "Al Anbar").
_ARTICLES = {"al", "el"}
# Sun-letter forms of the article, only as the first word ("As Sulaymaniyah", "Ar Raqqah").
_SUN_ARTICLES = {"ad", "an", "ar", "as", "at", "az", "ash", "ath", "adh", "ad", "ul"}
# Generic words that follow a place's name without changing which place it is.
GENERIC_SUFFIXES = (
    "province", "governorate", "city", "region", "oblast", "krai", "prefecture", "emirate",
    "municipality", "wilaya", "wilayah", "muhafazah",
)


def fold(text: str) -> str:
    """Strip diacritics: "Nīnawá" -> "Ninawa"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def keys(text: str) -> tuple[str, str]:
    """(raw_key, name_key) of a name, sharing the work."""
    words = _words(text)
    return " ".join(words), _strip(words)


@lru_cache(maxsize=100_000)
def name_key(text: str) -> str:
    """The lookup key of a name: folded, lower case, without article or generic suffix."""
    return _strip(_words(text))


def _strip(words: list[str]) -> str:
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
        if words[0] in _SUN_ARTICLES and len(words) > 1:
            words = words[1:]
    while len(words) > 1 and words[-1] in GENERIC_SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[0] in GENERIC_SUFFIXES[:2] and words[1] == "of":
        words = words[2:]  # "Province of Alberta"
    return " ".join(words)


# Abbreviations in place names, spelt out so "St. Petersburg", "Mt. Pleasant" and "Ft. Worth"
# find the towns the gazetteer spells in full.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "twp": "township"}


def _words(text: str) -> list[str]:
    text = _POSSESSIVE.sub("", fold(text.strip()))
    text = text.translate(_DROP).lower()
    return [_ABBREVIATIONS.get(w, w) for w in _NON_WORD.sub(" ", text).split()]


_DOUBLED = re.compile(r"([a-z])\1+")
_SPELLINGS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ay", "ai"), ("ey", "ei"))
_FINAL_H = re.compile(r"(?<=[aei])h\b")
_FINAL_O = re.compile(r"o\b")


def translit_key(key: str) -> str:
    """A looser key for the many romanisations of Arabic and Persian names: "Hawijah",
    "Hawija"; "Tuz Khurmatu", "Tooz Khurmato"... are one ("hawija"). Doubled letters go,
    "ou"/"oo" and a final "o" are "u", "ee" is "i", "ay" is "ai", a final "h" after a vowel
    goes. Only looked up where the name itself is unknown."""
    key = _DOUBLED.sub(r"\1", key)
    for a, b in _SPELLINGS:
        key = key.replace(a, b)
    return _FINAL_O.sub("u", _FINAL_H.sub("", key))


def raw_key(text: str) -> str:
    """A lighter key that keeps articles and suffixes (for names where they matter)."""
    return " ".join(_words(text))


_NOT_LATIN = re.compile(r"[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2018-\u201f]")


def is_latin(text: str) -> bool:
    """True when a name is written in Latin script (other scripts are never in English news)."""
    return text.isascii() or _NOT_LATIN.search(text) is None
