"""Pieces that need no database: store URLs and content-derived actor ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import StoreError
from claimgraph.store import open_store
from claimgraph.store.engine import parse_url
from claimgraph.store.migrations import latest_version
from claimgraph.store.rows import actor_id, normalise_name


@pytest.mark.parametrize("url, driver", [
    pytest.param("postgresql://me@127.0.0.1:5432/cg", "postgresql+psycopg", id="postgresql"),
    pytest.param("postgres://me@127.0.0.1/cg", "postgresql+psycopg", id="postgres"),
    pytest.param("postgresql+psycopg://me@127.0.0.1/cg", "postgresql+psycopg", id="psycopg"),
    pytest.param("sqlite:///data/cg.db", "sqlite", id="sqlite"),
    pytest.param("data/cg.db", "sqlite", id="bare path"),
])
def test_store_urls(url, driver):
    assert parse_url(url).drivername == driver


@pytest.mark.parametrize("url", [
    pytest.param("mysql://me@127.0.0.1/cg", id="mysql"),
    pytest.param("postgresql+psycopg2://me@127.0.0.1/cg", id="other driver"),
    pytest.param("://nothing", id="garbage"),
    pytest.param("postgresql://me@127.0.0.1:port/cg", id="bad port"),
])
def test_unsupported_urls_are_store_errors(url):
    with pytest.raises(StoreError):
        parse_url(url)


def test_unreachable_postgresql_is_a_store_error():
    with pytest.raises(StoreError, match="127.0.0.1:9"):
        open_store("postgresql://nobody:secret@127.0.0.1:9/none?connect_timeout=2")


def test_unreachable_postgresql_hides_the_password():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://nobody:secret@127.0.0.1:9/none?connect_timeout=2")
    assert "secret" not in str(info.value)


def test_an_impossible_sqlite_folder_is_a_store_error():
    with pytest.raises(StoreError, match="cannot create the folder"):
        open_store("sqlite:////proc/claimgraph-nowhere/x.db")


def test_open_store_creates_the_sqlite_folder(tmp_path: Path):
    path = tmp_path / "a" / "b" / "claimgraph.db"
    with open_store(f"sqlite:///{path}") as store:
        assert store.schema_version() == latest_version()
    assert path.is_file()


@pytest.mark.parametrize("name, key", [
    pytest.param("Kataib Hezbollah", "kataib-hezbollah", id="plain"),
    pytest.param("Kata'ib  Hezbollah", "kataib-hezbollah", id="apostrophe and spaces"),
    pytest.param("The Islamic State", "islamic-state", id="leading the"),
    pytest.param("Qāsem Soleimānī", "qasem-soleimani", id="diacritics"),
    pytest.param("The", "the", id="just the"),
])
def test_normalised_names(name, key):
    assert normalise_name(name) == key


def test_registry_entities_use_the_registry_id():
    assert actor_id({"kind": "organization", "name": "IRGC", "registry_id": "irgc"}, "d1") == "reg:irgc"


def test_provisional_actor_ids_depend_on_kind_and_name():
    person = actor_id({"kind": "person", "name": "Abu Fadak", "registry_id": None}, "d1")
    assert person == "prov:person:abu-fadak" == actor_id({"kind": "person", "name": "Abu Fadak"}, "d2")
    assert actor_id({"kind": "organization", "name": "Abu Fadak", "registry_id": None}, "d1") != person


@pytest.mark.parametrize("subkind", ["description", "collective"])
def test_descriptions_and_collectives_are_their_documents_own(subkind):
    town = {"kind": "place", "name": "the town", "subkind": subkind}
    assert actor_id(town, "d1") == "doc:d1:place:town" != actor_id(town, "d2")


@pytest.mark.parametrize("name", [pytest.param("...", id="no letters"), pytest.param("x " * 100, id="long")])
def test_awkward_names_still_give_short_stable_ids(name):
    ids = {actor_id({"kind": "organization", "name": name}, "d1") for _ in range(2)}
    assert len(ids) == 1
    (only,) = ids
    assert only.startswith("prov:organization:") and len(only) <= 100
