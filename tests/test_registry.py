"""The actor registry: the shipped data is valid and finds actors under their names;
user files add and override entries; bad files fail loudly, naming the file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from claimgraph.errors import ConfigError
from claimgraph.registry.actors import SHIPPED, Actor, Registry, load_registry, normalize_name, validate

MIN_ENTRIES = 850  # the shipped registry has 862; a drop means entries were lost


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _actor(actor_id: str, **fields) -> Actor:
    base = dict(name=actor_id, kind="organization", subkind="armed_group", country=None, aliases=(),
                acronyms=(), part_of=None, wikidata=None, posts=(), metonyms=(), note=None)
    return Actor(id=actor_id, **{**base, **fields})


# -- the shipped data ------------------------------------------------------------------------

def test_shipped_registry_has_no_problems(registry):
    assert validate(registry) == []


def test_shipped_registry_is_large(registry):
    assert len(registry) >= MIN_ENTRIES


def test_ids_are_unique_in_the_file():
    ids = [entry["id"] for entry in yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_parents_and_post_organisations_exist(registry):
    for actor in registry.actors.values():
        assert actor.part_of is None or actor.part_of in registry.actors, actor.id
        assert all(post["org"] in registry.actors for post in actor.posts), actor.id


def test_wikidata_ids_are_not_reused(registry):
    qids = Counter(a.wikidata for a in registry.actors.values() if a.wikidata)
    assert [q for q, n in qids.items() if n > 1] == []


def test_every_region_is_covered(registry):
    countries = Counter(a.country for a in registry.actors.values())
    for code in ("IQ", "IR", "SY", "LB", "IL", "PS", "YE", "SA", "TR", "AF", "PK", "ML", "NG",
                 "SO", "LY", "SD", "UA", "RU", "US", "GB", "FR"):
        assert countries[code] >= 3, code


def test_capitals_are_metonyms_not_aliases(registry):
    assert registry.lookup("Tehran") == []
    assert [a.id for a in registry.lookup_metonym("Tehran")] == ["iran"]
    assert "Tehran" not in {surface for surface, _ in registry.names()}


def test_children(registry):
    children = {a.id for a in registry.children("irgc")}
    assert {"quds-force", "basij", "irgc-aerospace-force", "irgc-navy"} <= children


# -- lookups ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, actor_id", [
    ("IRGC", "irgc"),
    ("IRGCs", "irgc"),
    ("the IRGC's", "irgc"),
    ("Revolutionary Guards", "irgc"),
    ("Iranian Revolutionary Guard Corps", "irgc"),
    ("Islamic Revolutionary Guard Corps", "irgc"),
    ("Quds Force", "quds-force"),
    ("Qods Force", "quds-force"),
    ("al-Quds Force", "quds-force"),
    ("Kataib Hezbollah", "kataib-hezbollah"),
    ("Kata'ib Hizballah", "kataib-hezbollah"),
    ("Kata’ib Hizballah", "kataib-hezbollah"),
    ("Suleimani", "qassem-soleimani"),
    ("Qassem Soleimani", "qassem-soleimani"),
    ("Qaani", "esmail-ghaani"),
    ("Esmail Ghaani", "esmail-ghaani"),
    ("Daesh", "islamic-state"),
    ("ISIL", "islamic-state"),
    ("IS", "islamic-state"),
    ("Houthis", "houthis"),
    ("Ansar Allah", "houthis"),
    ("Ansarallah", "houthis"),
    ("Hezbollah's", "hezbollah"),
    ("Hizb Allah", "hezbollah"),
    ("Asaib Ahl al Haq", "asaib-ahl-al-haq"),
    ("Izz el-Din al-Qassam Brigades", "qassam-brigades"),
    ("Saraya al-Quds", "al-quds-brigades"),
    ("Quds Brigade", "liwa-al-quds"),
    ("Hashd al-Shaabi", "pmf"),
    ("U.S.", "united-states"),
    ("Erdogan", "recep-tayyip-erdogan"),
    ("Nato", "nato"),
    ("LeT", "lashkar-e-taiba"),
], ids=lambda v: str(v))
def test_lookup(registry, name, actor_id):
    assert [a.id for a in registry.lookup(name)] == [actor_id]


@pytest.mark.parametrize("word", ["is", "us", "let", "Let", "agency", "the"])
def test_words_are_not_acronyms(registry, word):
    assert registry.lookup(word) == []


@pytest.mark.parametrize("name, ids", [
    ("SNA", {"syrian-national-army", "somali-national-army"}),
    ("Asayish", {"krg-asayish", "asayish-rojava"}),
    ("RSF", {"rsf", "reporters-without-borders"}),
])
def test_ambiguous_names_return_every_actor(registry, name, ids):
    assert {a.id for a in registry.lookup(name)} == ids


@pytest.mark.parametrize("text, key", [
    ("Kata'ib Hizballah", "kataib hizballah"),
    ("the Islamic State", "islamic state"),
    ("Izz ad-Din al-Qassam", "izz din qassam"),
    ("Erdoğan's", "erdogan"),
    ("U.S.", "us"),
    ("People's Protection Units", "peoples protection units"),
])
def test_normalize_name(text, key):
    assert normalize_name(text) == key


def test_names_cover_aliases_and_acronyms(registry):
    surfaces = {surface for surface, actor in registry.names() if actor.id == "quds-force"}
    assert {"Quds Force", "Qods Force", "IRGC-QF"} <= surfaces


# -- user files ------------------------------------------------------------------------------

def _write(path: Path, entries: object) -> Path:
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def test_user_file_adds_and_overrides(tmp_path):
    user = _write(tmp_path / "mine.yaml", [
        {"id": "saraya-example", "name": "Saraya Example", "kind": "organization",
         "subkind": "armed_group", "country": "IQ", "aliases": ["Example Brigades"], "part_of": "pmf"},
        {"id": "quds-force", "name": "Quds Force", "kind": "organization", "subkind": "state_force",
         "country": "IR", "aliases": ["Sepah Quds"], "part_of": "irgc"},
    ])
    registry = load_registry([user])
    assert [a.id for a in registry.lookup("Example Brigades")] == ["saraya-example"]
    assert registry.get("saraya-example") in registry.children("pmf")
    assert registry.get("quds-force").aliases == ("Sepah Quds",)
    assert registry.lookup("Qods Force") == []  # the override replaced the whole entry
    assert registry.sources["quds-force"] == user
    assert load_registry([user]) is registry  # cached per tuple of files
    assert load_registry().get("quds-force").aliases != ("Sepah Quds",)


GOOD = {"id": "new-group", "name": "New Group", "kind": "organization", "subkind": "armed_group"}


@pytest.mark.parametrize("entries, message", [
    ({"id": "x"}, "a YAML list"),
    (["just a string"], "expected a mapping"),
    ([{**GOOD, "kind": "militia"}], "unknown kind"),
    ([{**GOOD, "subkind": "gang"}], "subkind"),
    ([{**GOOD, "country": "XX"}], "country code"),
    ([{**GOOD, "colour": "red"}], "unknown field"),
    ([{**GOOD, "aliases": "New Group"}], "'aliases'"),
    ([{**GOOD, "part_of": "no-such-parent"}], "parent 'no-such-parent'"),
    ([{**GOOD, "kind": "person", "subkind": "leader",
       "posts": [{"org": "pmf", "role": "chief", "start": 2020, "end": 2019}]}], "starts (2020) after"),
    ([{**GOOD, "kind": "person", "subkind": "leader",
       "posts": [{"org": "pmf", "role": "chief", "start": 1066}]}], "bad year"),
    ([GOOD, GOOD], "duplicate id"),
    ([{**GOOD, "id": "Bad Id"}], "lowercase words"),
], ids=["not-a-list", "not-a-mapping", "kind", "subkind", "country", "field", "aliases", "parent",
        "years-order", "year-range", "duplicate", "id-format"])
def test_invalid_user_file_names_the_file(tmp_path, entries, message):
    path = _write(tmp_path / "bad.yaml", entries)
    with pytest.raises(ConfigError) as error:
        load_registry([path])
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_unreadable_user_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="broken.yaml"):
        load_registry([path])
    with pytest.raises(ConfigError, match="missing.yaml"):
        load_registry([tmp_path / "missing.yaml"])


# -- validate on hand-made registries --------------------------------------------------------

def test_validate_flags_shared_names_without_a_note():
    registry = Registry({"a": _actor("a", aliases=("Quds",)), "b": _actor("b", aliases=("al-Quds",))})
    assert any("shared by a, b" in p for p in validate(registry))


def test_validate_accepts_shared_names_with_a_note():
    registry = Registry({"a": _actor("a", aliases=("Quds",), note="disambiguation: not b"),
                         "b": _actor("b", aliases=("al-Quds",))})
    assert validate(registry) == []


def test_validate_flags_cycles():
    registry = Registry({"a": _actor("a", part_of="b"), "b": _actor("b", part_of="a")})
    assert any("cycle" in p for p in validate(registry))


def test_user_file_may_share_a_name(tmp_path):
    """A clash with a shipped name is reported by validate, not fatal at load."""
    user = _write(tmp_path / "clash.yaml", [{**GOOD, "aliases": ["Kataib Hezbollah"]}])
    problems = validate(load_registry([user]))
    assert any("kataib-hezbollah, new-group" in p for p in problems)
