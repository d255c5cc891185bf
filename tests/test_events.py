"""The events stage: triggers and their ACLED codes, what is not an event, background,
coreference, arguments and dates. Each case is a sentence a report could print."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.extract.events import Events
from claimgraph.extract.model import EVENT_TYPES, SUBTYPE_TO_TYPE
from claimgraph.extract.pipeline import Extractor, default_stages

PUBLISHED = date(2021, 5, 21)


@pytest.fixture(scope="module")
def extract():
    """text -> record, with the default stages before events (spaCy loaded once)."""
    settings = Settings()
    stages = [s for s in default_stages(settings) if s.name != "events"] + [Events()]
    extractor = Extractor(settings, stages=stages)

    def run(text: str, published: date | None = PUBLISHED) -> dict:
        return extractor.extract(Document("test", text, published=published))

    return run


def _first(record: dict) -> dict:
    assert record["events"], "no event found"
    return min(record["events"], key=lambda e: e["trigger"][0])


def _names(record: dict, ids: list[str]) -> set[str]:
    by_id = {e["id"]: e for e in record["entities"]}
    return {by_id[i]["name"] for i in ids}


def _trigger(text: str, event: dict) -> str:
    return text[event["trigger"][0]:event["trigger"][1]]


CODES = [
    ("went-off", "A roadside bomb went off as the convoy passed near Tikrit.", "Remote explosive/landmine/IED"),
    ("drone-strike", "A US drone strike hit a convoy of militants near Mosul on Monday, killing four.",
     "Air/drone strike"),
    ("airstrike", "Syrian warplanes carried out airstrikes on rebel positions in Idlib.", "Air/drone strike"),
    ("rockets", "Three Katyusha rockets were fired at a military base near Baghdad airport.",
     "Shelling/artillery/missile attack"),
    ("shelling", "Government forces shelled the town of Taez, killing seven civilians.",
     "Shelling/artillery/missile attack"),
    ("roadside-bomb", "A roadside bomb exploded under an army patrol in Helmand.", "Remote explosive/landmine/IED"),
    ("car-bomb", "A car bomb killed 12 people near a market in Kirkuk.", "Remote explosive/landmine/IED"),
    ("suicide-bomber", "A suicide bomber blew himself up at a checkpoint in Kabul, killing six soldiers.",
     "Suicide bomb"),
    ("grenade", "Suspected militants hurled a grenade at a police station in Srinagar.", "Grenade"),
    ("chemical", "The suspected chemical attack in the rebel-held town killed 28 people.", "Chemical weapon"),
    ("armed-clash", "Army troops clashed with al-Shabab fighters near the town of Afgoye.", "Armed clash"),
    ("gunmen-civilians", "Gunmen shot dead three civilians in a village in Zamfara.", "Attack"),
    ("ambush-soldiers", "Militants ambushed an army convoy, killing five soldiers.", "Armed clash"),
    ("kidnapping", "Gunmen kidnapped two aid workers in northern Mali.", "Abduction/forced disappearance"),
    ("arrests", "Police arrested 15 suspected members of the cell in Istanbul.", "Arrests"),
    ("peaceful-protest", "Thousands of protesters marched peacefully through the capital against the new tax.",
     "Peaceful protest"),
    ("protest-intervention", "Police fired tear gas to disperse protesters outside parliament.",
     "Protest with intervention"),
    ("excessive-force", "Security forces opened fire on protesters in Baghdad, killing three demonstrators.",
     "Excessive force against protesters"),
    ("violent-demonstration", "Rioters torched cars and threw stones at police during the protest.",
     "Violent demonstration"),
    ("non-state-overtakes", "Taliban militants captured the district of Qala-e Zal on Friday.",
     "Non-state actor overtakes territory"),
    ("government-regains", "Iraqi troops recaptured the town of Tal Afar from Islamic State fighters.",
     "Government regains territory"),
    ("agreement", "The government and the rebels signed a ceasefire agreement in Khartoum.", "Agreement"),
    ("disrupted-weapons", "Police seized seven illegal firearms and 200 rounds of ammunition.",
     "Disrupted weapons use"),
    ("defused", "Army sappers defused two roadside bombs on the highway.", "Disrupted weapons use"),
    ("base-established", "Russian forces have set up a new military base in the village of Kalta.",
     "Headquarters or base established"),
    ("looting", "Armed men looted shops and set houses on fire in the market town.",
     "Looting/property destruction"),
    ("sexual-violence", "Soldiers raped several women in the village, a rights group said.", "Sexual violence"),
    ("bombers-blew-themselves-up", "Two suicide bombers blew themselves up during an operation in Ankara.",
     "Suicide bomb"),
    ("shared-object", "The Syrian army killed and wounded scores of militants in Aleppo.", "Armed clash"),
    ("object-of-participle", "Al-Shabab fighters have attacked the militiamen trying to commit robbery near Baidoa.",
     "Armed clash"),
]


@pytest.mark.parametrize("text, subtype", [c[1:] for c in CODES], ids=[c[0] for c in CODES])
def test_trigger_is_coded_in_acled(extract, text, subtype):
    event = _first(extract(text))
    assert event["subtype"] == subtype
    assert event["type"] == SUBTYPE_TO_TYPE[subtype]


def test_every_code_is_an_acled_subtype(extract):
    record = extract(" ".join(c[1] for c in CODES))
    names = {sub for subs in EVENT_TYPES.values() for sub in subs}
    assert record["events"]
    assert all(e["subtype"] in names for e in record["events"])


NOT_EVENTS = [
    ("alarm-went-off", "The fire alarm went off at noon and the building was cleared."),
    ("did-not-go-off", "The bomb did not go off."),
    ("could", "The militia could strike the base with drones."),
    ("threatened", "The group threatened to attack the embassy."),
    ("plans-to", "Insurgents plan to attack the city next week."),
    ("would", "Officials said the army would shell the hills if talks failed."),
    ("did-not", "The rebels did not attack the convoy."),
    ("if", "If the rebels attack the town, the army will respond."),
    ("threat-of", "Residents live under the threat of attacks."),
    ("attack-helicopter", "The army bought two attack helicopters."),
    ("figurative", "They were struck by divisions afterwards."),
    ("industrial-accident", "A gas cylinder exploded in a factory, injuring four workers."),
    ("natural-disaster", "Heavy floods hit the province, and the death toll rose to 66."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_EVENTS], ids=[c[0] for c in NOT_EVENTS])
def test_negated_hypothetical_future_are_not_events(extract, text):
    assert extract(text)["events"] == []


BACKGROUND = [
    ("past-perfect", "The militia had attacked the base before the talks began.", True),
    ("since", "Tension has grown since the bombing of the embassy.", True),
    ("old-date", "Rebels attacked the town of Kaya in 2015.", True),
    ("news", "Rebels attacked the town of Kaya on Monday.", False),
]


@pytest.mark.parametrize("text, background", [c[1:] for c in BACKGROUND], ids=[c[0] for c in BACKGROUND])
def test_background_events_are_flagged(extract, text, background):
    assert _first(extract(text))["background"] is background


def test_two_mentions_of_one_event_are_one_event(extract):
    text = ("Drones struck Erbil International Airport in April, officials said. "
            "After the Erbil attack, the commander spoke of significant achievements.")
    record = extract(text)
    strikes = [e for e in record["events"] if e["subtype"] == "Air/drone strike"]
    assert len(strikes) == 1
    assert any(text[s:e] == "attack" for s, e in strikes[0]["mentions"])


def test_a_mention_dated_the_same_day_is_the_same_event(extract):
    # published Friday 21 May 2021: "Saturday" is 15 May
    text = ("Gunmen attacked a checkpoint in Baquba on Saturday. Officials met on Monday. "
            "The ringleader of Saturday's attack was known to the police.")
    attacks = [e for e in extract(text)["events"] if e["type"] != "Strategic developments"]
    assert len(attacks) == 1
    assert attacks[0]["date"]["start"] == "2021-05-15"
    assert text.rindex("attack") in {s for s, _ in attacks[0]["mentions"]}


def test_a_mention_dated_another_day_is_another_event(extract):
    text = ("Gunmen attacked a checkpoint in Baquba on Saturday. "
            "Wednesday's attack was claimed by the same group.")
    attacks = [e for e in extract(text)["events"] if e["type"] != "Strategic developments"]
    assert len(attacks) == 2


@pytest.mark.parametrize("text", [
    "The Rolando bombing was an attack on 13 September 1974 in Madrid which killed 13 people.",
    "The attack, a suicide bombing at a checkpoint in Baquba, killed five soldiers.",
], ids=["copula", "apposition"])
def test_two_words_for_one_happening_in_a_sentence_are_one_event(extract, text):
    events = [e for e in extract(text)["events"] if e["type"] != "Strategic developments"]
    assert len(events) == 1
    assert len(events[0]["mentions"]) >= 1


def test_the_trigger_is_the_most_informative_mention(extract):
    text = "Police are still questioning witnesses of the bombing. The bombing wounded 13 people."
    events = extract(text)["events"]
    assert len(events) == 1
    assert events[0]["trigger"][0] == text.rindex("bombing")  # the mention that gives the toll
    assert events[0]["injured"] == 13
    assert text.index("bombing") in {s for s, _ in events[0]["mentions"]}


def test_killing_after_an_attack_is_its_toll_not_a_new_event(extract):
    text = "Taliban gunmen attacked Camp Shorabak in Helmand on Friday. They killed 23 Afghan soldiers."
    record = extract(text)
    assert len(record["events"]) == 1
    assert record["events"][0]["fatalities"] == 23


def test_enumerated_attacks_are_one_event_each(extract):
    text = ("Officials said the groups were behind attacks, including against US forces at Ain al-Asad "
            "airbase this month, at Erbil International Airport in April and against Saudi Arabia in January, "
            "all using drones. These attacks caused no casualties.")
    events = extract(text)["events"]
    assert [e["date"]["text"] for e in events] == ["this month", "April", "January"]
    assert {e["subtype"] for e in events} == {"Air/drone strike"}
    assert [e["fatalities"] for e in events] == [0, 0, 0]


ARGUMENTS = [
    ("subject-perpetrator", "Islamic State militants attacked a checkpoint in Baiji.", "perpetrators", "Islamic State"),
    ("object-target", "Gunmen attacked a police checkpoint in Baiji.", "targets", "police checkpoint"),
    ("passive-agent", "The convoy was ambushed by Taliban fighters near Kandahar.", "perpetrators", "Taliban"),
    ("victims", "A car bomb killed five civilians in Baghdad.", "targets", "civilians"),
    ("against", "The group launched an attack against government forces in Idlib.", "targets", "forces"),
    ("claimed", "Al-Shabab carried out the attack on the hotel in Mogadishu.", "perpetrators", "Al-Shab"),
    ("between-first", "Two men were wounded in a battle between troops and gunmen in Belfast.", "perpetrators",
     "troops"),
    ("between-second", "Two men were wounded in a battle between troops and gunmen in Belfast.", "targets", "gunmen"),
]


@pytest.mark.parametrize("text, role, word", [c[1:] for c in ARGUMENTS], ids=[c[0] for c in ARGUMENTS])
def test_arguments_are_entities(extract, text, role, word):
    record = extract(text)
    names = _names(record, _first(record)[role])
    assert any(word.lower() in name.lower() for name in names), names


def test_the_members_of_an_including_list_are_targets(extract):
    record = extract("Leftists were arrested, including Eva Forest, wife of the playwright Alfonso Sastre, "
                     "Lidia Falcón and the writer Eliseo Bayo.")
    names = _names(record, _first(record)["targets"])
    assert {"Eva Forest", "Lidia Falcón", "Eliseo Bayo"} <= names
    assert "Alfonso Sastre" not in names


def test_victims_of_a_casualty_phrase_are_targets(extract):
    record = extract("A bomb exploded near a market in Kirkuk on Monday, wounding 13 civilians.")
    assert "civilians" in _names(record, _first(record)["targets"])


@pytest.mark.parametrize("text, word", [
    ("A bomb exploded near a market in Kirkuk on Monday, killing three people and injuring more than 260.",
     "260"),
    ("In one incident, a man was killed and five more were wounded in a battle between troops and gunmen.", "five"),
    ("A bomb exploded in the cafe. Two of the 12 initially killed were policemen.", "12"),
], ids=["object", "subject", "partitive"])
def test_a_number_standing_for_people_is_a_victim(extract, text, word):
    record = extract(text)
    names = {n for e in record["events"] for n in _names(record, e["targets"])}
    assert any(word in name for name in names), names


def test_who_died_is_a_victim(extract):
    record = extract("Major General Vyacheslav Gladkikh died after a roadside IED detonated under a convoy near Deir "
                     "ez-Zor.")
    assert any("Gladkikh" in n for n in _names(record, _first(record)["targets"]))


def test_a_resolved_pronoun_is_its_entity(extract):
    record = extract("Lisbeth Anez is a Venezuelan activist. In May, she was arrested and charged with treason.")
    event = next(e for e in record["events"] if e["subtype"] == "Arrests")
    assert _names(record, event["targets"]) == {"Lisbeth Anez"}


def test_the_aim_of_attacks_is_their_target(extract):
    text = "The republic has seen numerous bombings targeted at the Russian military in Dagestan."
    record = extract(text)
    targets = [e for e in record["entities"] if e["id"] in _first(record)["targets"]]
    assert any("military" in text[s:e] for t in targets for s, e in t["mentions"]), targets


@pytest.mark.parametrize("text, place", [
    ("Gunmen attacked a police checkpoint in Baqubah on Monday.", "Baqubah"),
    ("Five people were killed on 11 December in an attack on the Christmas market in Strasbourg.", "Strasbourg"),
], ids=["object", "on"])
def test_the_site_hit_is_the_target_and_its_setting_the_place(extract, text, place):
    record = extract(text)
    where = next(e for e in record["entities"] if e["id"] == _first(record)["place"])
    assert place in where["name"]


def test_the_city_an_attack_is_of_is_its_place(extract):
    record = extract("From the outset, the IRA's bombing of the city caused widespread chaos.")
    where = next(e for e in record["entities"] if e["id"] == _first(record)["place"])
    assert where["name"].lower().endswith("city")


def test_a_trigger_is_not_its_own_weapon(extract):
    """"the bombing" names a bomb: the weapon is recorded, but the event word is no argument."""
    record = extract("The bombing of a market in Kirkuk killed five people on Monday.")
    assert _first(record)["weapons"] == []
    assert any(e["kind"] == "weapon" and e["name"] == "bomb" for e in record["entities"])


def test_place_prefers_a_located_town_to_an_unlocated_site(extract):
    record = extract("A bomb exploded at a wholesale market in Baghdad on Saturday, killing five people.")
    place = next(e for e in record["entities"] if e["id"] == _first(record)["place"])
    # Baghdad, or the market once the places stage locates it in Baghdad; never a site with no geo
    assert place["name"] == "Baghdad" or place["geo"] is not None and place["geo"]["country"] == "IQ"


def test_hyphenated_shoot_out_is_a_clash(extract):
    text = "During the shoot-out between bandits and soldiers, four soldiers were injured."
    event = _first(extract(text))
    assert (_trigger(text, event), event["subtype"]) == ("shoot-out", "Armed clash")


def test_weapons_are_weapon_entities(extract):
    record = extract("Militants fired three rockets at the base near Baghdad.")
    event = _first(record)
    weapons = [e for e in record["entities"] if e["id"] in event["weapons"]]
    assert weapons and all(w["kind"] == "weapon" for w in weapons)
    assert any("rocket" in w["name"] for w in weapons)


def test_implied_weapon(extract):
    record = extract("A candidate was shot dead by gunmen near his home in Baiji.")
    event = _first(record)
    assert any(e["subkind"] == "firearm" for e in record["entities"] if e["id"] in event["weapons"])


def test_place_prefers_the_site(extract):
    text = "Drones attacked Erbil International Airport in Iraq on Monday."
    record = extract(text)
    place = next(e for e in record["entities"] if e["id"] == _first(record)["place"])
    assert "Erbil" in place["name"]


DATES = [
    ("on-monday", "Gunmen attacked a bus in Kirkuk on Monday.", "Monday", "2021-05-17", "2021-05-17", "day"),
    ("in-april", "A drone struck the airport in April.", "April", "2021-04-01", "2021-04-30", "month"),
    ("last-year", "He was killed last year by a US drone strike.", "last year", "2020-01-01", "2020-12-31",
     "year"),
    ("not-the-saying", "Officials said on Tuesday that rebels attacked the town.", None, None, None, None),
]


@pytest.mark.parametrize("text, expr, start, end, precision", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_date_is_the_clause_expression(extract, text, expr, start, end, precision):
    event = _first(extract(text))
    if expr is None:
        assert event["date"] is None  # never the publication date, nor the date of the saying
        return
    assert (event["date"]["text"], event["date"]["start"], event["date"]["end"], event["date"]["precision"]) == \
        (expr, start, end, precision)
    s, e = event["date"]["span"]
    assert text[s:e] == expr


def test_relative_date_without_publication_is_unresolved(extract):
    event = _first(extract("Gunmen attacked a bus in Kirkuk on Monday.", published=None))
    assert event["date"]["start"] is None and event["date"]["resolved"] is False


def test_trigger_spans_the_words(extract):
    text = "A US drone strike hit a convoy near Mosul."
    assert _trigger(text, _first(extract(text))) == "drone strike"


def test_place_from_the_next_sentence_when_the_event_sentence_names_none(settings):
    from claimgraph.document import Document
    from claimgraph.extract.pipeline import Extractor

    text = "A roadside bomb killed three policemen on Monday. The attack took place in Samarra."
    record = Extractor(settings).extract(Document(doc_id="p", text=text))
    names = {e["id"]: e["name"] for e in record["entities"]}
    bombing = next(e for e in record["events"] if e["subtype"] == "Remote explosive/landmine/IED")
    assert names.get(bombing["place"]) == "Samarra"


def _protest_place(extract, text: str) -> dict | None:
    record = extract(text)
    protest = next(e for e in record["events"] if e["type"] == "Protests")
    by_id = {e["id"]: e for e in record["entities"]}
    return by_id.get(protest["place"])


def test_place_is_the_state_the_sentence_names_as_setting(extract):
    """Not the state the militias support ("pro-Iranian") nor the one protested against."""
    text = ("Iran has many allies in Iraq. Iran arms them. Iran pays them. Iran trains them. "
            "Large pro-Iranian Iraqi militias were forced to adopt a lower profile after a public backlash "
            "led to huge mass protests against Iranian influence in late 2019.")
    place = _protest_place(extract, text)
    assert place is not None and place["name"] == "Iraq"
    assert place["geo"]["precision"] == "country"


@pytest.mark.parametrize("text", [
    "France said so. Mass protests were held last week, said French President Emmanuel Macron, "
    "whose parents came from Germany.",
    "Iran said so. Mass protests against the visit of Iranian pilgrims were held last week.",
    "The United States said so. Mass protests were held last week while American soldiers watched.",
], ids=["person-and-origin", "travellers", "forces"])
def test_nationality_of_people_and_origins_are_no_setting(extract, text):
    """The state is in the record (named once, far from dominant) but the protest is not placed in it."""
    assert _protest_place(extract, text) is None


def test_place_is_the_dominant_state_of_a_report_naming_no_town(extract):
    text = ("Iran is worried about Iran's allies. Iran said so. Iran said it again. "
            "A backlash led to mass protests in late 2019. Iran said nothing more.")
    place = _protest_place(extract, text)
    assert place is not None and place["name"] == "Iran"


@pytest.mark.parametrize("text", [
    "Iran and Iraq talked. Iran said so. Iraq said so. A backlash led to mass protests in late 2019. Iran agreed.",
    "Iran is worried about Tehran. Iran said so. Iran said it again. "
    "A backlash led to mass protests in late 2019. Iran said nothing.",
], ids=["no-dominant-state", "report-names-a-town"])
def test_no_country_is_guessed_without_a_clear_dominant_state(extract, text):
    assert _protest_place(extract, text) is None


def test_noun_compounds_about_an_event_are_triggers(extract):
    text = "Police questioned the Boston Marathon bombing suspect on Monday."
    assert _trigger(text, _first(extract(text))) == "bombing"
    assert not extract("The army deployed an attack helicopter near Mosul.")["events"]


def test_the_attackers_state_is_not_the_place(extract):
    record = extract("The United States said so. The United States agreed. The United States warned. "
                     "An American drone strike killed the commander last year. The United States said more.")
    strike = next(e for e in record["events"] if e["subtype"] == "Air/drone strike")
    assert strike["place"] is None
