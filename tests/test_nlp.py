"""The analysis pipeline: our components around spaCy's."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize("text, second", [
    ('He said: "I don\'t contemplate it with any pleasure."\nShootings in Belfast had continued last night.',
     "Shootings in Belfast had continued last night."),
    ("Fighting continued in the north.\n\nThe army said it had retaken the town.",
     "The army said it had retaken the town."),
], ids=["quote-then-line", "paragraph"])
def test_a_line_that_ends_a_sentence_ends_it(nlp, text, second):
    assert sentences(nlp, text)[-1] == second


def test_a_hard_wrapped_line_of_prose_stays_one_sentence(nlp):
    text = "The minister met with Ali\nHussein and other officials in the capital on Monday."
    assert len(sentences(nlp, text)) == 1


def test_the_line_break_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("claimgraph_line_breaks") < names.index("parser")
