"""Relations: the structure of the network, each tie with its evidence."""

from __future__ import annotations

import pytest

from claimgraph.document import Document


@pytest.fixture(scope="module")
def ties(extractor):
    def run(text: str) -> set[tuple[str, str, str, bool]]:
        record = extractor.extract(Document(doc_id="t", text=text))
        names = {e["id"]: e["name"] for e in record["entities"]}
        for rel in record["relations"]:
            for start, end in rel["evidence"]:
                assert 0 <= start < end <= len(text)
        return {(names[r["source"]], r["type"], names[r["target"]], r["negated"]) for r in record["relations"]}
    return run


CASES = {
    "branch apposition": (
        "The groups respond to officers of the Quds Force, the branch of the Revolutionary Guards.",
        ("Quds Force", "part_of", "Islamic Revolutionary Guard Corps", False)),
    "commander apposition": (
        "Esmail Ghaani, the commander of the Quds Force, visited Baghdad.",
        ("Esmail Ghaani", "leads", "Quds Force", False)),
    "head apposition": (
        "General Kenneth McKenzie, head of the US Central Command, said Iran had made progress.",
        ("Kenneth McKenzie", "leads", "United States Central Command", False)),
    "title before a name": (
        "Kataib Hezbollah commander Abu Fadak al-Mohammadawi spoke on Monday.",
        ("Abu Fadak al-Mohammadawi", "leads", "Kataib Hezbollah", False)),
    "indefinite role is membership": (
        "Abu Ali al-Askari, a Kataib Hezbollah official, denied it.",
        ("Abu Ali al-Askari", "member_of", "Kataib Hezbollah", False)),
    "successor": (
        "Qassem Soleimani was killed in 2020. His successor, Esmail Ghaani, has less sway.",
        ("Esmail Ghaani", "succeeded", "Qassem Soleimani", False)),
    "respond to officers of": (
        "Small, secret factions were formed. The new factions respond directly to officers of the Quds Force.",
        ("Quds Force", "commands", "small secret factions", False)),
    "trained them": (
        "Hezbollah trained the fighters of Asaib Ahl al-Haq in Lebanon.",
        ("Hezbollah", "trains", "Asaib Ahl al-Haq", False)),
    "killed by a drone strike": (
        "Qassem Soleimani was killed by an American drone strike in Baghdad.",
        ("United States", "killed", "Qassem Soleimani", False)),
    "backed by": (
        "The Houthis are backed by Iran.",
        ("Iran", "supports", "Houthis", False)),
    "clashed with": (
        "The Syrian Democratic Forces clashed with the Islamic State near Raqqa.",
        ("Syrian Democratic Forces", "fights", "Islamic State", False)),
    "front for": (
        "Western officials referred to Ashab al-Kahf as a front for Kataib Hezbollah.",
        ("Ashab al-Kahf", "front_for", "Kataib Hezbollah", False)),
    "negated": (
        "Hezbollah did not train Asaib Ahl al-Haq.",
        ("Hezbollah", "trains", "Asaib Ahl al-Haq", True)),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_relation_is_found(ties, case):
    text, expected = CASES[case]
    found = ties(text)
    assert expected in found, found


def test_succession_carries_the_post(ties):
    text = ("Qassem Soleimani, the commander of the Quds Force, was killed in 2020. "
            "His successor, Esmail Ghaani, has less sway.")
    assert ("Esmail Ghaani", "leads", "Quds Force", False) in ties(text)


def test_symmetric_ties_are_not_duplicated(ties):
    text = "Hezbollah fought the Islamic State. The Islamic State fought Hezbollah."
    fights = [t for t in ties(text) if t[1] == "fights"]
    assert len(fights) == 1


def test_no_tie_to_itself_or_between_places(ties):
    for source, _, target, _ in ties("Baghdad attacked Mosul. The IRGC, the branch of the IRGC, met."):
        assert source != target


def test_registry_ties_stay_out_of_the_record(ties):
    """The registry knows the Quds Force is part of the IRGC; a text that doesn't say so has no such tie."""
    assert not ties("The Quds Force and the IRGC were both named in the report.")
