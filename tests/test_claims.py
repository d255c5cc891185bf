"""Stage `claims`: who says what, how sure, who agrees (issue "Claims and sources")."""

from __future__ import annotations

import pytest

from claimgraph.document import Document
from claimgraph.extract.claims import Claims
from claimgraph.extract.model import SOURCE_KINDS, STANCES
from claimgraph.extract.quotes import find_quotes


def _entities_stage():
    """The entities stage of the working tree: the registry one where it loads, else spaCy's NER."""
    from claimgraph.extract import entities

    if hasattr(entities, "Entities"):
        from claimgraph.registry.actors import load_registry

        return entities.Entities(load_registry())
    return entities.SpacyEntities()


@pytest.fixture(scope="module")
def extractor(settings):
    from claimgraph.extract.pipeline import Extractor

    return Extractor(settings, stages=[_entities_stage(), Claims()])


@pytest.fixture(scope="module")
def claims_of(extractor):
    def run(text: str) -> tuple[str, list[dict], dict]:
        record = extractor.extract(Document(doc_id="test", text=text))
        return text, record["claims"], record

    return run


def part(text: str, span) -> str:
    return text[span[0]:span[1]] if span else ""


def only(claims: list[dict]) -> dict:
    assert len(claims) == 1, claims
    return claims[0]


# --- quotations -------------------------------------------------------------------------------

QUOTES = [
    pytest.param("“The new factions take orders from Tehran,” an Iraqi security official said.",
                 "The new factions take orders from Tehran", "an Iraqi security official", id="curly-quote"),
    pytest.param('"The new factions take orders from Tehran," an Iraqi security official said.',
                 "The new factions take orders from Tehran", "an Iraqi security official", id="straight-quote"),
    pytest.param("Another said: “The meetings with the Iranians have diminished.”",
                 "The meetings with the Iranians have diminished.", "Another", id="colon-before-quote"),
    pytest.param("“The groups answer directly to IRGC officers,” said one of the militia commanders.",
                 "The groups answer directly to IRGC officers", "one of the militia commanders", id="said-X"),
    pytest.param("Another said: “The meetings with the Iranians have diminished. We no longer meet.",
                 "The meetings with the Iranians have diminished. We no longer meet.", "Another",
                 id="missing-closing-quote"),
    pytest.param("“The meetings with the Iranians have diminished,“ one commander said.",
                 "The meetings with the Iranians have diminished", "one commander", id="mismatched-marks"),
]


@pytest.mark.parametrize("text, content, source", QUOTES)
def test_a_quotation_is_a_claim_of_its_speaker(claims_of, text, content, source):
    text, claims, _ = claims_of(text)
    claim = only(claims)
    assert part(text, claim["content"]) == content
    assert claim["source"]["text"] == source
    assert part(text, claim["source"]["span"]) == source


def test_a_split_quote_is_one_claim_bridging_both_halves(claims_of):
    text, claims, _ = claims_of("“The new factions are linked to the IRGC,” an Iraqi security official said. "
                                "“They take their orders from them, not from any Iraqi side.”")
    claim = only(claims)
    content = part(text, claim["content"])
    assert content.startswith("The new factions") and content.endswith("any Iraqi side.")
    assert claim["source"]["text"] == "an Iraqi security official"


def test_a_multi_paragraph_quote_keeps_its_speaker(claims_of):
    text, claims, _ = claims_of("“The groups were trained in Lebanon last year,” a militia commander said. "
                                "“They learned to fly drones and fire rockets.\n\n"
                                "“Then they came back and began the attacks on the bases.”")
    assert len(claims) == 2
    assert part(text, claims[1]["content"]) == "Then they came back and began the attacks on the bases."
    assert claims[1]["source"] == claims[0]["source"]


def test_scare_quotes_are_not_claims(claims_of):
    text, claims, _ = claims_of("The drone programme has made “significant achievements” in recent years.")
    assert claims == []


# --- indirect speech --------------------------------------------------------------------------

SPEECH = [
    pytest.param("Iraqi security officials said at least 250 fighters traveled to Lebanon in 2020.",
                 "at least 250 fighters traveled to Lebanon in 2020", "Iraqi security officials", "said",
                 id="X-said"),
    pytest.param("A militia commander told Reuters that the groups answer directly to IRGC officers.",
                 "the groups answer directly to IRGC officers", "A militia commander", "told", id="told-Reuters"),
    pytest.param("The groups answer directly to IRGC officers, according to two Iraqi security officials.",
                 "The groups answer directly to IRGC officers", "two Iraqi security officials", "according to",
                 id="according-to"),
    pytest.param("Officials in Tehran became suspicious of some of the militias, commanders say.",
                 "Officials in Tehran became suspicious of some of the militias", "commanders", "say",
                 id="parenthetical-say"),
    pytest.param("General Kenneth McKenzie, head of the US Central Command, said in April that Iran had made "
                 "progress with its drones.", "Iran had made progress with its drones",
                 "General Kenneth McKenzie, head of the US Central Command", "said", id="apposition-source"),
    pytest.param("In a statement, the Defence Ministry warned that the militias would face consequences.",
                 "the militias would face consequences", "the Defence Ministry", "warned", id="in-a-statement"),
    pytest.param("Western officials have often referred to these new groups as fronts for Kataib Hezbollah.",
                 "to these new groups as fronts for Kataib Hezbollah", "Western officials", "referred",
                 id="refer-to-as"),
    pytest.param("It was reported that the convoy had been struck twice.", "the convoy had been struck twice",
                 "", "reported", id="impersonal-passive"),
]


@pytest.mark.parametrize("text, content, source, cue", SPEECH)
def test_indirect_speech_gives_content_source_and_cue(claims_of, text, content, source, cue):
    text, claims, _ = claims_of(text)
    claim = only(claims)
    assert part(text, claim["content"]) == content
    assert claim["source"]["text"] == source
    assert part(text, claim["cue"]) == cue


def test_a_named_source_resolves_to_its_entity(claims_of):
    text, claims, record = claims_of("General Kenneth McKenzie, head of the US Central Command, said that Iran "
                                     "had made progress with its drones.")
    entity = next(e for e in record["entities"] if e["id"] == only(claims)["source"]["entity"])
    assert entity["kind"] == "person" and "McKenzie" in entity["name"]
    assert only(claims)["source"]["anonymous"] is False


def test_reported_speech_inside_a_quote_is_not_a_second_claim(claims_of):
    text, claims, _ = claims_of("“They believed that leaks from one of the groups caused his death,” one said.")
    assert part(text, only(claims)["content"]).startswith("They believed")


def test_habitual_responsibility_claims_are_not_statements(claims_of):
    _, claims, _ = claims_of("Last year previously unknown groups began to claim responsibility for the attacks.")
    assert claims == []


# --- sources: kind, count, anonymity ----------------------------------------------------------

KINDS = [
    pytest.param("An Iraqi security official said the groups were trained in Lebanon.", "security_official",
                 id="security-official"),
    pytest.param("Three militia commanders said the groups were trained in Lebanon.", "militia", id="militia"),
    pytest.param("A Western diplomat said the groups were trained in Lebanon.", "diplomat", id="diplomat"),
    pytest.param("A Western military source said the groups were trained in Lebanon.", "military", id="military"),
    pytest.param("Residents said the groups were trained in Lebanon.", "witness", id="witness"),
    pytest.param("One analyst said the groups were trained in Lebanon.", "expert", id="expert"),
    pytest.param("An Iraqi government official said the groups were trained in Lebanon.", "government",
                 id="government-official"),
    pytest.param("The US State Department said the groups were trained in Lebanon.", "government",
                 id="named-department"),
    pytest.param("Iraqi officials said the groups were trained in Lebanon.", "official", id="official"),
    pytest.param("Reuters reported that the groups were trained in Lebanon.", "media", id="news-agency"),
]


@pytest.mark.parametrize("text, kind", KINDS)
def test_source_kind_comes_from_the_phrase(claims_of, text, kind):
    _, claims, _ = claims_of(text)
    assert only(claims)["source"]["kind"] == kind


COUNTS = [
    pytest.param("Three commanders said the groups were trained in Lebanon.", 3, True, id="three-commanders"),
    pytest.param("A second official said the groups were trained in Lebanon.", 1, True, id="a-second-official"),
    pytest.param("Iraqi security officials said the groups were trained in Lebanon.", 2, True, id="plural"),
    pytest.param("Hadi al-Amiri said the groups were trained in Lebanon.", 1, False, id="named-person"),
    pytest.param("The account was confirmed by a second Iraqi security official, three commanders, a Western "
                 "diplomat and a Western military source.", 6, True, id="list-of-confirmers"),
]


@pytest.mark.parametrize("text, count, anonymous", COUNTS)
def test_source_count_and_anonymity(claims_of, text, count, anonymous):
    _, claims, _ = claims_of(text)
    source = claims[-1]["source"]
    assert (source["count"], source["anonymous"]) == (count, anonymous)


def test_one_and_another_take_the_kind_of_the_speaker_before(claims_of):
    text, claims, _ = claims_of("Officials in Tehran became suspicious of the militias, commanders say.\n\n"
                                "“They believed that leaks caused his death,” one said.\n\n"
                                "Another said: “The meetings have diminished.”")
    assert [c["source"]["kind"] for c in claims] == ["militia"] * 3


# --- stance -----------------------------------------------------------------------------------

STANCE = [
    pytest.param("Iraqi officials said the groups were trained in Lebanon.", "asserts", id="asserts"),
    pytest.param("“The Iranians seem to have formed new groups of fighters,” a commander said.", "hedges",
                 id="seem-to"),
    pytest.param("An official said the group may have moved its drones to Syria.", "hedges", id="may"),
    pytest.param("An official said the drones were reportedly moved to Syria.", "hedges", id="reportedly"),
    pytest.param("Officials said they are trying to build groups supposedly loyal only to the Quds Force.",
                 "asserts", id="hedge-on-a-modifier-only"),
    pytest.param("The ministry denied that its forces were involved in the attack.", "denies", id="denied"),
    pytest.param("A spokesman said the report was not true.", "denies", id="not-true"),
    pytest.param("Iranian officials did not respond to requests for comment.", "no_comment", id="did-not-respond"),
    pytest.param("The US State Department said it was unable to comment.", "no_comment", id="unable-to-comment"),
    pytest.param("A spokesman for the ministry declined to comment on the report.", "no_comment",
                 id="declined-to-comment"),
    pytest.param("Islamic State claimed responsibility for the bombing in a statement.", "claims_responsibility",
                 id="claimed-responsibility"),
    pytest.param("The group said it carried out the attack on the base.", "claims_responsibility",
                 id="said-it-carried-out"),
]


@pytest.mark.parametrize("text, stance", STANCE)
def test_stance(claims_of, text, stance):
    _, claims, _ = claims_of(text)
    assert only(claims)["stance"] == stance


# --- links between claims ---------------------------------------------------------------------

def test_a_confirmed_account_is_corroborated_by_the_confirmers(claims_of):
    text, claims, _ = claims_of("“The new factions are linked to the IRGC,” an Iraqi security official said.\n\n"
                                "The account was confirmed by a second Iraqi security official and a Western "
                                "diplomat.")
    quote, confirmation = claims
    assert part(text, confirmation["content"]) == "The account"
    assert part(text, confirmation["source"]["span"]).startswith("a second Iraqi security official")
    assert quote["corroborated_by"] == [confirmation["id"]]


def test_but_another_source_contradicts_the_claim_before(claims_of):
    text, claims, _ = claims_of("Western officials have often referred to these groups as fronts for Kataib "
                                "Hezbollah. But Iraqi sources said they are genuinely separate.")
    first, second = claims
    assert second["contradicts"] == [first["id"]]
    assert first["contradicts"] == []


def test_the_same_speaker_qualifying_is_not_a_contradiction(claims_of):
    _, claims, _ = claims_of("Iraqi officials said the groups are new. But Iraqi officials said they are small.")
    assert all(c["contradicts"] == [] for c in claims)


# --- quotes on raw text, and robustness -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    pytest.param("He said “one two three” and left.", ["one two three"], id="curly"),
    pytest.param("He said ''one two three'' and left.", ["one two three"], id="doubled-apostrophes"),
    pytest.param("“one two three four\n\n“five six seven”", ["one two three four", "five six seven"],
                 id="multi-paragraph"),
    pytest.param("one two three four,” he said.", ["one two three four"], id="lost-opening-mark"),
    pytest.param("“one two” he said", [], id="too-short"),
])
def test_find_quotes(text, expected):
    assert [text[q.start:q.end] for q in find_quotes(text)] == expected


def test_a_continued_quote_points_to_the_one_it_continues():
    quotes = find_quotes("“one two three four\n\n“five six seven”")
    assert quotes[1].continues == 0 and quotes[0].closed is False


def _garble(paragraph: str, how: str) -> str:
    marks = "“”\"'‘’"
    if how == "deleted":
        return "".join(ch for ch in paragraph if ch not in marks)
    if how == "doubled":
        return "".join(ch * 2 if ch in marks else ch for ch in paragraph)
    return paragraph.translate(str.maketrans("“”", "”“"))


@pytest.mark.parametrize("how", ["deleted", "doubled", "swapped"])
def test_garbled_quote_marks_in_the_seed_give_valid_claims(claims_of, seed_document, how):
    for paragraph in filter(None, seed_document.text.split("\n")):
        text, claims, _ = claims_of(_garble(paragraph, how))
        for claim in claims:
            spans = [claim["content"], claim["cue"], claim["source"]["span"]]
            assert all(0 <= s[0] < s[1] <= len(text) for s in spans if s is not None), (paragraph, claim)
            assert claim["stance"] in STANCES and claim["source"]["kind"] in SOURCE_KINDS


def test_the_seed_article_claims(claims_of, seed_document):
    text, claims, _ = claims_of(seed_document.text)
    by_content = {part(text, c["content"])[:40]: c for c in claims}
    mckenzie = next(c for k, c in by_content.items() if k.startswith("Iran had made"))
    assert mckenzie["source"]["kind"] == "military"
    assert sum(1 for c in claims if c["corroborated_by"]) >= 1
    assert sum(1 for c in claims if c["contradicts"]) == 1
    assert 15 <= len(claims) <= 25


# --- attribution rules (PolNeAR error classes) ------------------------------------------------

NEW_RULES = [
    pytest.param("“Mr. Trump embodies the lasting legacy of racism in the United States.” ― Sonya Herridge",
                 "Mr. Trump embodies the lasting legacy of racism in the United States", "Sonya Herridge",
                 id="signature-after-quote"),
    pytest.param("President Obama responded to a Gold Star mother by saying his refusal to use the words was "
                 "a manufactured issue.", "his refusal to use the words was a manufactured issue", "President Obama",
                 id="by-saying-takes-the-governing-subject"),
    pytest.param("12:15 p.m.\n\nDonald Trump says political correctness has run amok in the military.",
                 "political correctness has run amok in the military", "Donald Trump",
                 id="timestamp-across-a-paragraph-is-not-the-subject"),
    pytest.param("Limbaugh continued:\n\nThey are demanding this, and they are putting pressure on Lester.",
                 "They are demanding this, and they are putting pressure on Lester", "Limbaugh",
                 id="colon-introduces-the-next-paragraph"),
    pytest.param("“Maybe I can speak directly to white people,” she continued.",
                 "Maybe I can speak directly to white people", "she", id="continued-beside-a-quote"),
    pytest.param("“Why would anyone vote for him now?” she asked.", "Why would anyone vote for him now?", "she",
                 id="question-mark-ends-the-quoted-sentence"),
    pytest.param("Politifact checked Donald Trump’s claim that there have been thousands of shootings in Chicago.",
                 "there have been thousands of shootings in Chicago", "Donald Trump’s", id="possessed-claim-noun"),
    pytest.param("Caddell went on to discuss recently released polls showing Trump leading in Ohio.",
                 "recently released polls showing Trump leading in Ohio", "Caddell", id="stance-toward-an-object"),
    pytest.param("Chief Justice Roberts spoke of the legacy of racism enshrined in Jim Crow laws.",
                 "of the legacy of racism enshrined in Jim Crow laws", "Chief Justice Roberts", id="spoke-of-a-topic"),
    pytest.param("However laudable the goal, using the capital gains tax ''is a misguided approach,'' said Mr. Burman.",
                 "However laudable the goal, using the capital gains tax ''is a misguided approach", "Mr. Burman",
                 id="quote-finishing-the-writers-sentence"),
    pytest.param("Flynn Says Trump Absolutely Right On Generals\n\nThe retired general spoke on Thursday.",
                 "Trump Absolutely Right On Generals", "Flynn", id="title-case-headline"),
    pytest.param("In this poll, Trump rose one percentage point since the debate while Clinton fell.",
                 "Trump rose one percentage point since the debate while Clinton fell", "this poll",
                 id="in-a-poll"),
]


@pytest.mark.parametrize("text, content, source", NEW_RULES)
def test_attribution_rules_give_content_and_source(claims_of, text, content, source):
    text, claims, _ = claims_of(text)
    claim = only(claims)
    assert part(text, claim["content"]) == content
    assert part(text, claim["source"]["span"]) == source


SOURCELESS = [
    pytest.param("About one of every nine voters this fall is expected to be Latino.",
                 "About one of every nine voters this fall is expected to be Latino", id="agentless-passive"),
    pytest.param("Melania seems to have vanished from the campaign trail.",
                 "Melania seems to have vanished from the campaign trail", id="seems-to"),
]


@pytest.mark.parametrize("text, content", SOURCELESS)
def test_agentless_reports_have_no_source_span(claims_of, text, content):
    text, claims, _ = claims_of(text)
    claim = only(claims)
    assert part(text, claim["content"]) == content
    assert claim["source"]["span"] is None


@pytest.mark.parametrize("text", [
    pytest.param("Small groups of protesters continued to call for more information.", id="continued-to"),
    pytest.param("The two women spoke for about five minutes with reporters.", id="spoke-to-or-for"),
    pytest.param("Clinton’s plan to raise taxes on the rich is popular.", id="infinitive-after-a-noun"),
    pytest.param("Stein removed from N.Y. debate site by police.\n\nShe left the area.", id="headline-without-cue"),
])
def test_acts_are_not_claims(claims_of, text):
    _, claims, _ = claims_of(text)
    assert claims == []


def test_a_quote_before_the_speaker_is_a_title_when_the_cue_has_a_clause(claims_of):
    text, claims, _ = claims_of("On this weekend’s broadcast of “Fox News Sunday,” Mike Pence said his running "
                                "mate was only joking.")
    claim = only(claims)
    assert part(text, claim["content"]) == "his running mate was only joking"
    assert part(text, claim["source"]["span"]) == "Mike Pence"


def test_a_quote_with_its_own_later_cue_is_not_bridged(claims_of):
    text, claims, _ = claims_of("“This just isn’t right,” Warren said. “You squeezed employees to the breaking "
                                "point” to drive up the stock price, she said.")
    first, second = claims
    assert part(text, first["content"]) == "This just isn’t right"
    assert part(text, second["content"]).startswith("You squeezed employees")
    assert part(text, second["source"]["span"]) == "she"


def test_a_cue_reports_only_within_its_paragraph(claims_of):
    text, claims, _ = claims_of("“As a Gold Star mother, my son gave his life,” she said. “Do you still believe "
                                "the acts are religious?”\n\n“The truth is that this issue has been manufactured,” "
                                "the president said.")
    first, second = claims
    assert part(text, first["content"]).endswith("the acts are religious?")
    assert part(text, second["content"]) == "The truth is that this issue has been manufactured"
    assert part(text, second["source"]["span"]) == "the president"
