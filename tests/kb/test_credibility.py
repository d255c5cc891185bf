"""Facts and sources: independence counts stories and distinct sources; each Admiralty
credibility rule; disputes list both sides. Hand-made records give exact control."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.kb import KnowledgeBase
from tests.kb.conftest import put
from tests.kb.records import Doc

TEXT = ("The Quds Force supports Kataib Hezbollah, an Iraqi security official said. "
        "A second Iraqi security official said the same. Kataib Hezbollah denied it. "
        "Three commanders said so too. The group seems to get money from the Quds Force, a diplomat said.")


def report(doc_id: str, outlet: str | None = "Example Daily", text: str = TEXT, published=date(2021, 5, 10)) -> Doc:
    doc = Doc(doc_id, text, outlet=outlet, published=published)
    doc.qf = doc.entity("Quds Force", registry_id="quds-force", subkind="state_force")
    doc.kh = doc.entity("Kataib Hezbollah", registry_id="kataib-hezbollah", subkind="armed_group")
    return doc


def supports(doc: Doc, *claims: str) -> None:
    doc.relation("supports", doc.qf, doc.kh, "The Quds Force supports Kataib Hezbollah", claims=claims)


def official(doc: Doc, phrase: str = "an Iraqi security official") -> str:
    return doc.claim("The Quds Force supports Kataib Hezbollah", phrase, kind="security_official")


def fact(store, *docs: Doc) -> dict:
    for doc in docs:
        put(store, doc.document, doc.record)
    kb = KnowledgeBase(store)
    kb.rebuild()
    [found] = kb.relations(type="supports")
    return found


def test_one_unnamed_source_in_an_unknown_outlet_is_possibly_true(store):
    doc = report("a")
    supports(doc, official(doc))
    found = fact(store, doc)
    assert (found["independent_sources"], found["grade"], found["admiralty"]) == (1, 3, "F3")
    assert "one source, from an outlet rated F" in found["grade_reasons"]
    [claim] = found["claims"]
    assert claim["doc_id"] == "a" and claim["source_text"] == "an Iraqi security official"
    assert claim["source_kind"] == "security_official" and claim["stance"] == "asserts"
    assert claim["text"].startswith("The Quds Force supports") and claim["span"] == [0, 40]


def test_one_source_in_a_good_outlet_is_probably_true(store):
    doc = report("a", outlet="Reuters")
    supports(doc, official(doc))
    assert fact(store, doc)["admiralty"] == "B2"


def test_a_second_official_in_the_same_report_is_an_independent_source(store):
    doc = report("a")
    second = doc.claim("said the same", "A second Iraqi security official", kind="security_official")
    supports(doc, official(doc), second)
    found = fact(store, doc)
    assert found["independent_sources"] == 2 and found["grade"] == 1 and found["label"] == "confirmed"


HEADLINED = ("Quds Force backs Kataib Hezbollah, Iraqi officials say\n\n"
             "The Quds Force supports Kataib Hezbollah, an Iraqi security official said.")


@pytest.mark.parametrize("body_claims, expected", [(True, 1), (False, 1)], ids=["body-too", "headline-only"])
def test_a_headline_restating_its_body_is_not_another_source(store, body_claims, expected):
    doc = Doc("a", HEADLINED, outlet="Example Daily", title=HEADLINED.split("\n")[0])
    doc.qf = doc.entity("Quds Force", registry_id="quds-force", subkind="state_force")
    doc.kh = doc.entity("Kataib Hezbollah", registry_id="kataib-hezbollah", subkind="armed_group")
    headline = doc.claim("Quds Force backs Kataib Hezbollah", "Iraqi officials", kind="official")
    claims = [headline] + ([doc.claim("The Quds Force supports Kataib Hezbollah", "an Iraqi security official",
                                      kind="security_official")] if body_claims else [])
    doc.relation("supports", doc.qf, doc.kh, "The Quds Force supports Kataib Hezbollah", claims=claims)
    found = fact(store, doc)
    assert found["independent_sources"] == expected
    assert [c["headline"] for c in found["claims"]] == [True] + [False] * body_claims


def test_ten_reprints_of_one_story_are_one_source(store):
    docs = []
    for n in range(10):
        doc = report(f"reprint-{n}", outlet=f"Site {n}", text=TEXT + f" Copy {n}.")
        supports(doc, official(doc))
        docs.append(doc)
    found = fact(store, *docs)
    assert len(found["documents"]) == 10 and len(found["stories"]) == 1
    assert found["independent_sources"] == 1 and found["grade"] == 3


def test_two_stories_in_the_outlets_own_voice_are_two_sources(store):
    one, two = report("one"), report("two", text="Reports: " + TEXT.replace("said", "stated"))
    supports(one)
    supports(two)
    found = fact(store, one, two)
    assert len(found["stories"]) == 2 and found["independent_sources"] == 2 and found["grade"] == 1
    assert {c["source_kind"] for c in found["claims"]} == {"outlet"}


def test_a_named_source_quoted_in_two_stories_is_one_source(store):
    one, two = report("one"), report("two", text="Reports: " + TEXT.replace("said", "stated"))
    for doc in (one, two):
        ghaani = doc.entity("Esmail Ghaani", phrase="Quds Force", kind="person", registry_id="esmail-ghaani")
        supports(doc, doc.claim("The Quds Force supports Kataib Hezbollah", "Quds Force", kind="military",
                                anonymous=False, entity=ghaani))
    assert fact(store, one, two)["independent_sources"] == 1


def test_a_phrase_with_a_number_counts_that_many_sources(store):
    doc = report("a")
    supports(doc, doc.claim("said so too", "Three commanders", kind="militia", count=3))
    assert fact(store, doc)["independent_sources"] == 3


def test_a_fact_only_hedged_is_doubtful(store):
    doc = report("a")
    supports(doc, doc.claim("The group seems to get money from the Quds Force", "a diplomat",
                            kind="diplomat", stance="hedges"))
    found = fact(store, doc)
    assert found["grade"] == 4 and "only hedged claims support it" in found["grade_reasons"]


def test_a_fact_denied_by_its_subject_is_doubtful_and_disputed(store):
    doc = report("a")
    first = official(doc)
    second = doc.claim("said the same", "A second Iraqi security official", kind="security_official")
    denial = doc.claim("denied it", "Kataib Hezbollah", kind="group_statement", stance="denies",
                       anonymous=False, entity=doc.kh, contradicts=[first])
    supports(doc, first, second)
    found = fact(store, doc)
    assert found["grade"] == 4 and found["disputed"]
    assert any(r.startswith("denied by its subject") for r in found["grade_reasons"])
    assert [c["claim_id"] for c in found["sides"]["against"]] == [denial]
    assert {c["claim_id"] for c in found["sides"]["for"]} == {first, second}


def test_a_fact_contradicted_by_better_sourced_claims_is_improbable(store):
    one = report("one")
    supports(one, official(one))
    against = []
    for name in ("two", "three"):
        doc = report(name, outlet="Reuters", text=f"{name}: " + TEXT.replace("said", "stated"))
        doc.relation("supports", doc.qf, doc.kh, "The Quds Force supports Kataib Hezbollah", negated=True)
        against.append(doc)
    found = fact(store, one, *against)
    assert found["grade"] == 5 and found["disputed"] and found["label"] == "improbable"
    assert len(found["sides"]["against"]) == 2 and len(found["sides"]["for"]) == 1


def test_a_fact_contradicted_by_no_better_sources_is_possibly_true_and_disputed(store):
    one, two = report("one", outlet="Reuters"), report("two", text="Reports: " + TEXT.replace("said", "stated"))
    supports(one, official(one))
    two.relation("supports", two.qf, two.kh, "The Quds Force supports Kataib Hezbollah", negated=True)
    found = fact(store, one, two)
    assert found["grade"] == 3 and found["disputed"]


def test_only_refusals_to_comment_cannot_be_judged(store):
    doc = report("a")
    supports(doc, doc.claim("denied it", "Kataib Hezbollah", kind="group_statement", stance="no_comment",
                            anonymous=False, entity=doc.kh))
    found = fact(store, doc)
    assert found["grade"] == 6 and found["label"] == "cannot be judged"


@pytest.mark.parametrize("outlets_yaml, expected", [
    ("- {name: Example Daily, grade: A}\n", "A2"),
    ("- {name: Someone Else, grade: A}\n", "F3"),
], ids=["listed", "unlisted-is-F"])
def test_outlet_reliability_comes_from_the_user_table(store, tmp_path, outlets_yaml, expected):
    from claimgraph.config import Settings

    table = tmp_path / "outlets.yaml"
    table.write_text(outlets_yaml, encoding="utf-8")
    doc = report("a")
    supports(doc, official(doc))
    put(store, doc.document, doc.record)
    kb = KnowledgeBase(store, Settings(outlets_file=table))
    kb.rebuild()
    assert kb.relations()[0]["admiralty"] == expected


def test_grades_and_reasons_are_stored_with_the_fact_and_shown_in_claims(store):
    doc = report("a")
    supports(doc, official(doc))
    found = fact(store, doc)
    kb = KnowledgeBase(store)
    [claim] = kb.claims(about="Kataib Hezbollah")
    assert claim["facts"][0]["id"] == found["id"] and claim["facts"][0]["side"] == "for"
    assert kb.relations(min_grade=2) == [] and kb.relations(min_grade=3) == [found]
