"""Casualty counts of events: numbers in digits and words, sums over listed groups, zero,
vague counts (no number, the phrase kept) and the suicide bomber's own death."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.extract.events import Events
from claimgraph.extract.pipeline import Extractor, default_stages


@pytest.fixture(scope="module")
def event_of():
    """text -> the event with the most deaths (as the PITF scorer picks it)."""
    settings = Settings()
    stages = [s for s in default_stages(settings) if s.name != "events"] + [Events()]
    extractor = Extractor(settings, stages=stages)

    def run(text: str) -> dict:
        events = extractor.extract(Document("test", text, published=date(2015, 6, 1)))["events"]
        assert events, "no event found"
        return max(events, key=lambda e: e["fatalities"] if e["fatalities"] is not None else -1)

    return run


COUNTS = [
    ("killing-digits", "A suicide bomber struck a mosque in Baghdad, killing 6 civilians.", 6, None),
    ("passive-words", "Two soldiers were wounded when a roadside bomb exploded in Helmand.", None, 2),
    ("at-least-dead", "At least 12 people were dead after gunmen attacked a market in Kano.", 12, None),
    ("killed-and-wounded", "A car bomb killed five people and wounded 43 others in Tuz Khurmato.", 5, 43),
    ("killing-and-wounding", "Four car bombs were detonated in Karbala, killing 22 and wounding 51.", 22, 51),
    ("passive-pair", "At least 19 people were killed and 58 wounded in Baghdad as insurgents set off bombs.",
     19, 58),
    ("sum-of-groups", "Three soldiers and two civilians were killed in the attack on the checkpoint.", 5, None),
    ("sum-before-verb", "Al-Jazeera reports 13 Huthists and four tribal gunmen killed in battles in Sa'dah.", 17, None),
    ("leaves-dead-injured", "An attack in a market in Kirkuk leaves 10 people dead and 14 injured.", 10, 14),
    ("a-dozen", "Gunmen killed a dozen villagers in an attack on Zamfara.", 12, None),
    ("two-dozen", "Militants attacked a bus in Mandera, killing two dozen passengers.", 24, None),
    ("more-than", "The truck bomb attack in Sadr City killed at least 76 people and wounded more than 200.", 76, 200),
    ("no-casualties", "Rockets struck the Green Zone in Baghdad, causing no casualties.", 0, 0),
    ("no-one-hurt", "A bomb exploded outside the embassy in Kabul; no one was hurt.", None, 0),
    ("singular-victim", "A candidate was shot dead by gunmen near his home in Baiji.", 1, None),
    ("including-is-a-subset", "Three people, including a tribal sheikh, were killed by gunmen in Yarim.", 3, None),
    ("age-is-not-a-count", "Tamerlan, 26, was killed in a gun battle with police in Watertown.", None, None),
    ("year-is-not-a-count", "By the end of 1972, 496 had been killed in bombings across the province.", 496, None),
    ("part-of-a-total", "Two of the 12 killed in the bombing were soldiers.", 12, None),
    ("toll", "The death toll from the bombing in Mogadishu rose to 66.", 66, None),
    ("possessive-in-list", "Gunmen stormed the house of a mayor in Mahmoudiya, killing the mayor and his son.", 2,
     None),
    ("comma-list", "Gunmen stormed a home in Tikrit, killing him, his wife, two sons and a daughter.", 5, None),
    ("title-is-one-person", "Gunmen shot dead an army brigadier general at his home in Abu Ghraib.", 1, None),
    ("relative-of-is-one", "Gunmen shot dead the brother of a Sunni MP in Baghdad.", 1, None),
    ("gunned-down", "Militants gunned down 12 people on a bus in Mosul on Monday.", 12, None),
    ("subset-after-comma", "A bomb killed 12 people, two of them children, in Kirkuk.", 12, None),
    ("named-and-shot-dead", "The alleged killer, Cherif Chekatt – shot dead by police – had pledged allegiance to "
     "Islamic State.", 1, None),
]


@pytest.mark.parametrize("text, fatalities, injured", [c[1:] for c in COUNTS], ids=[c[0] for c in COUNTS])
def test_casualty_counts(event_of, text, fatalities, injured):
    event = event_of(text)
    assert (event["fatalities"], event["injured"]) == (fatalities, injured)


VAGUE = [
    ("dozens", "Dozens of people were killed when jets bombed the market in Idlib.", "Dozens"),
    ("scores", "Scores were wounded as security forces opened fire on protesters.", "Scores"),
    ("hundreds", "A car bomb in Mogadishu killed hundreds of people.", "hundreds"),
]


@pytest.mark.parametrize("text, phrase", [c[1:] for c in VAGUE], ids=[c[0] for c in VAGUE])
def test_vague_counts_are_null_with_the_phrase_kept(event_of, text, phrase):
    event = event_of(text)
    assert event["fatalities"] is None and event["injured"] is None
    assert phrase in event["casualty_text"]


def test_suicide_bomber_is_not_counted(event_of):
    """Decision (casualties.py): reports count victims; the bomber's own death is not added."""
    event = event_of("A suicide bomber blew himself up at a checkpoint in Kabul, killing six soldiers.")
    assert event["fatalities"] == 6
    event = event_of("A suicide bomber killed himself at the gate of the base in Kabul.")
    assert event["fatalities"] is None


def test_no_number_where_the_text_gives_none(event_of):
    event = event_of("Gunmen attacked a police checkpoint in Baiji on Monday.")
    assert event["fatalities"] is None and event["injured"] is None and event["casualty_text"] is None


def test_later_sentence_gives_the_toll_of_the_attack(event_of):
    event = event_of("Taliban gunmen attacked Camp Shorabak in Helmand. They killed 23 Afghan soldiers and "
                     "injured another 15.")
    assert (event["fatalities"], event["injured"]) == (23, 15)
