"""The cleaning stage: normalisation in both modes, boilerplate, wire origin, fingerprints."""

from __future__ import annotations

import re
import time

import pytest

from claimgraph.clean import clean_text, detect_wire, fingerprint, fingerprint_bytes, fingerprint_from_bytes

# --- preserve_offsets=True: one-for-one substitutions only --------------------------

NASTY = {
    "crlf-and-cr": "line one\r\nline two\rline three\r\n\r\n",
    "guillemets-and-low-quotes": "«Nous» said „wir“ and ‹ceci› ‚das‘ ″x″ ‶y″ ＂z＂",
    "unicode-spaces-and-tabs": "a\u00a0b\u2009c\u202fd\u3000e\tf\u200ag\u1680h\u205fi",
    "controls": "nul\x00bell\x07esc\x1bdel\x7fc1\x85\x9fend\x0b\x0c",
    "separators": "para\u2028line\u2029next",
    "invisible-and-joiners": "Hez\u200bbollah \u200cمی\u200dشود soft\u00adhyphen \ufeffbom",
    "rtl-and-emoji": "قال المتحدث \u200fباسم الحشد الشعبي 🚀 «كلا»",
    "combining-accents": "Qa\u0308ani cafe\u0301",
    "surrogate-range": "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \U0001f1ee\U0001f1f6",
    "boilerplate-is-kept": "Share this:\nSource link\n   spaced   out   \n\n\n\n",
    "empty": "",
}
# Every change preserve mode may make: (from, to), one character each.
ALLOWED = {
    ("«", "“"), ("»", "”"), ("„", "“"), ("“", "”"), ("‟", "“"), ("″", "”"), ("‶", "“"), ("＂", '"'),
    ("‹", "‘"), ("›", "’"), ("‚", "‘"), ("‛", "‘"), ("′", "’"), ("‵", "‘"), ("＇", "'"),
    ("\r", " "), ("\r", "\n"), ("\v", "\n"), ("\f", "\n"), ("\x85", "\n"), ("\u2028", "\n"), ("\u2029", "\n"),
}


def _allowed(before: str, after: str) -> bool:
    return before == after or (before, after) in ALLOWED or (after == " " and (before.isspace() or ord(before) < 0x20 or 0x7F <= ord(before) < 0xA0))


@pytest.mark.parametrize("text", NASTY.values(), ids=NASTY.keys())
def test_preserve_offsets_keeps_length_and_every_index(text):
    out = clean_text(text, preserve_offsets=True)
    assert len(out) == len(text)
    changed = [(i, a, b) for i, (a, b) in enumerate(zip(text, out)) if not _allowed(a, b)]
    assert changed == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Nous»", "“Nous”"),
        ("„wir“", "“wir”"),
        ("it's ‘curly’ and 'straight' and \"plain\"", "it's ‘curly’ and 'straight' and \"plain\""),
        ("a\u00a0b\tc", "a b c"),
        ("one\r\ntwo", "one \ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("x\x00y\x1bz", "x y z"),
        ("para\u2028line", "para\nline"),
        ("the ″so-called″ truce", "the ”so-called” truce"),
        ("Coordinates: 33°47′21″N 44°30′E", "Coordinates: 33°47′21″N 44°30′E"),
        ("Hez\u200bbollah", "Hez\u200bbollah"),
        ("نمی\u200cشود", "نمی\u200cشود"),
    ],
    ids=["guillemets", "german-pair", "curly-vs-straight-kept", "nbsp-tab", "crlf", "lone-cr", "controls",
         "line-separator", "primes-as-quotes",
         "coordinates-keep-primes", "zero-width-space-kept", "persian-zwnj-kept"],
)
def test_preserve_offsets_substitutions(text, expected):
    assert clean_text(text, preserve_offsets=True) == expected


# --- preserve_offsets=False: raw inputs ---------------------------------------------

BOILERPLATE = [
    "Source link", "Comments are closed.", "Share this:", "Click to share on Twitter (Opens in new window)",
    "Subscribe to our newsletter", "Related posts", "Read more", "Read more: Militias parade in Baghdad",
    "Follow us on Telegram", "Sign up for our daily briefing", "© 2021 Levant Monitor. All rights reserved.",
    "Like this:", "Advertisement",
]


@pytest.mark.parametrize("line", BOILERPLATE, ids=BOILERPLATE)
def test_boilerplate_lines_are_removed(line):
    text = f"Kataib Hezbollah denied the attack.\n\n{line}\n\nThe group said it was not involved."
    assert clean_text(text) == "Kataib Hezbollah denied the attack.\n\nThe group said it was not involved."


@pytest.mark.parametrize(
    "line",
    [
        "Officials said they would read more of the documents before deciding.",
        "The spokesman asked residents to follow us on the evacuation routes, he said, and not to return.",
        "Sources close to the group said the related posts were deleted from its Telegram channel overnight, "
        "after the strike on the convoy near Al-Qaim was reported by several outlets and denied by others.",
    ],
    ids=["read-more-mid-sentence", "follow-us-mid-sentence", "long-line-starting-like-boilerplate"],
)
def test_sentences_that_merely_contain_boilerplate_words_are_kept(line):
    assert clean_text(line) == line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a   b \t c", "a b c"),
        ("trailing   \nspaces  ", "trailing\nspaces"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("\n\n  padded  \n\n", "padded"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("Hez\u200bbol\u00adlah\ufeff", "Hezbollah"),
        ("Qa\u0308ani", "Qäani"),
        ("«Nous» „wir“", "“Nous” “wir”"),
        ("x\x00y", "x y"),
    ],
    ids=["space-runs", "trailing-spaces", "blank-line-runs", "ends", "line-ends", "invisible", "nfc", "quotes",
         "controls"],
)
def test_raw_cleaning(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize("text", NASTY.values(), ids=NASTY.keys())
def test_raw_cleaning_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert clean_text(once, preserve_offsets=True) == once


def test_hot_path_compiles_no_regex(monkeypatch):
    """Regexes are compiled at import; a call must not compile (or hit re's cache) again."""
    def refuse(*args, **kwargs):
        raise AssertionError("regex compiled per call")

    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(re, "_compile", refuse)
    text = "BAGHDAD (Reuters) - „Quote“ here.\r\nShare this:\n\n\n\nEnd  "
    assert clean_text(text) and clean_text(text, preserve_offsets=True) and detect_wire(text) == "Reuters"
    assert len(fingerprint_bytes(fingerprint(text))) == 128 * 8


# --- wire origin ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("BAGHDAD (Reuters) - A drone struck a convoy.", "Reuters"),
        ("WASHINGTON (AP) — The Pentagon said on Friday.", "AP"),
        ("BEIRUT (AFP) - Hezbollah said.", "AFP"),
        ("Berlin (dpa) - Die Bundeswehr.", "dpa"),
        ("Gaza (dpa) Israeli aircraft struck.", "dpa"),
        ("KABUL, Aug. 16 (Xinhua) -- The Taliban said.", "Xinhua"),
        ("ANKARA (Anadolu) - Turkish drones struck.", "Anadolu"),
        ("New Delhi [India], June 3 (ANI): Security forces said.", "ANI"),
        ("WASHINGTON (UPI) -- The Army said.", "UPI"),
        ("The militia is expanding, Reuters reported on Friday.", "Reuters"),
        ("Four fighters were killed, according to Reuters.", "Reuters"),
        ("Two officials told The Associated Press.", "AP"),
        ("Two officials told the Associated Press.", "AP"),
        ("the attack, Agence France-Presse said.", "AFP"),
        ("a Xinhua News Agency correspondent saw.", "Xinhua"),
        ("Anadolu Agency reported the strike.", "Anadolu"),
        ("AFP said in a first report; later, BAGHDAD (Reuters) - followed.", "Reuters"),
        ("Militants fired armour-piercing (AP) rounds at the post.", None),
        ("Local officials said four fighters were killed.", None),
        ("", None),
    ],
    ids=["reuters-dateline", "ap-dateline", "afp-dateline", "dpa-dateline", "dpa-bare", "xinhua-dateline",
         "anadolu-dateline", "ani-dateline", "upi-dateline", "reuters-reported", "according-to-reuters",
         "told-the-ap-capital", "told-the-ap", "agence-france-presse", "xinhua-full-name", "anadolu-agency",
         "dateline-beats-credit", "ap-ammunition-is-not-a-wire", "no-wire", "empty"],
)
def test_detect_wire(text, wire):
    assert detect_wire(text) == wire


def test_detect_wire_reads_the_footer_of_a_long_text():
    text = "Officials said the convoy was hit. " * 2000 + "\n\n(Reporting by staff; Reuters reported the toll.)"
    assert detect_wire(text) == "Reuters"


# --- fingerprints --------------------------------------------------------------------

STORY = (
    "Iran has selected hundreds of trusted fighters from among the cadre of its most powerful militia allies "
    "in Iraq, forming smaller, elite and fiercely loyal factions, moving away from the large groups with which "
    "it once exerted influence. The new secret groups were trained last year in drone warfare, surveillance "
    "and online propaganda and answer directly to officers of Iran's Quds Force, the branch of the "
    "Revolutionary Guards that controls its allied militias abroad, according to Iraqi security officials, "
    "commanders of some of the larger Iran-aligned militias and Western diplomatic and military sources."
)
REPRINT = "REPOSTED: " + STORY.replace("last year", "in 2020").upper().replace(",", " ;") + " Source link"
OTHER = (
    "Al-Shabaab fighters attacked a military base in Lower Shabelle on Saturday, setting off a car bomb at the "
    "gate before storming the compound, Somali officials said, and the army said it had repelled the assault "
    "after several hours of fighting in which dozens of militants and soldiers were killed."
)


def test_fingerprint_of_the_same_text_is_identical():
    assert fingerprint(STORY).jaccard(fingerprint(STORY)) == 1.0


def test_fingerprint_ignores_case_and_punctuation():
    assert fingerprint(STORY).jaccard(fingerprint(STORY.upper().replace(",", "").replace(".", " !"))) == 1.0


def test_a_reprint_is_near_and_another_story_is_far():
    assert fingerprint(STORY).jaccard(fingerprint(REPRINT)) > 0.7
    assert fingerprint(STORY).jaccard(fingerprint(OTHER)) < 0.1


@pytest.mark.parametrize("text", ["", "Too short", STORY, STORY * 300], ids=["empty", "under-five-words", "story", "long"])
def test_fingerprint_survives_storage(text):
    m = fingerprint(text)
    stored = fingerprint_bytes(m)
    assert len(stored) == 128 * 8
    assert fingerprint_from_bytes(stored).jaccard(m) == 1.0
    assert list(fingerprint_from_bytes(stored).hashvalues) == list(m.hashvalues)


def test_fingerprint_with_other_permutation_count():
    m = fingerprint(STORY, num_perm=64)
    assert fingerprint_from_bytes(fingerprint_bytes(m), num_perm=64).jaccard(m) == 1.0


def test_fingerprint_from_bytes_refuses_a_wrong_length():
    with pytest.raises(ValueError, match="1024 bytes"):
        fingerprint_from_bytes(b"\x00" * 100)


def test_fingerprint_is_fast_enough_for_every_document():
    text = " ".join(f"{word}{i}" for i, word in enumerate(STORY.split() * 12))  # ~1000 distinct words
    start = time.perf_counter()
    for _ in range(10):
        fingerprint(text)
    assert (time.perf_counter() - start) / 10 < 0.1  # ~5 ms here; generous for a shared CI machine
