"""Load the shipped lexicons (weapons, sites) and feed every registry's names to the matcher."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimgraph.registry.files import read_yaml
from claimgraph.registry.matcher import NameEntry, NameMatcher

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Weapon:
    id: str
    name: str
    subkind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def load_weapons() -> dict[str, Weapon]:
    weapons = {}
    for item in read_yaml(HERE / "weapons.yaml", list, "weapons"):
        aliases = list(item["aliases"])
        if item.get("plural", True):
            aliases += [a + "s" for a in item["aliases"] if not a.endswith("s") and a[-1].isalpha()]
        weapons[item["id"]] = Weapon(item["id"], item["name"], item["subkind"], tuple(aliases))
    return weapons


@lru_cache(maxsize=1)
def load_sites() -> dict[str, Site]:
    path = HERE / "places.yaml"
    if not path.is_file():
        return {}
    sites = {}
    for item in read_yaml(path, list, "sites"):
        sites[item["id"]] = Site(item["id"], item["name"], tuple(item.get("aliases") or ()))
    return sites


@lru_cache(maxsize=1)
def load_demonyms() -> dict[str, str]:
    """Demonym ("Iranians") -> state actor id ("iran")."""
    data = read_yaml(HERE / "demonyms.yaml", dict, "state ids and their demonyms")
    return {word: state for state, words in data.items() for word in words}


def actor_label(kind: str, subkind: str | None) -> str:
    if kind == "person":
        return "PERSON"
    return "GPE" if subkind == "state" else "ORG"


def _actor_names(registry) -> Iterator[tuple[str, NameEntry]]:
    for surface, actor in registry.names():
        yield surface, NameEntry(actor_label(actor.kind, actor.subkind), f"actor:{actor.id}")


def _site_names() -> Iterator[tuple[str, NameEntry]]:
    for site in load_sites().values():
        for surface in (site.name, *site.aliases):
            yield surface, NameEntry("FAC", f"place:{site.id}")


def _weapon_names() -> Iterator[tuple[str, NameEntry]]:
    for weapon in load_weapons().values():
        for surface in weapon.aliases:
            needs_capital = surface != surface.lower()
            yield surface, NameEntry("WEAPON", f"weapon:{weapon.id}", needs_capital=needs_capital)


def build_matcher(tokenizer, registry_files: Sequence[Path] = ()) -> NameMatcher:
    """The matcher over actors (shipped and user registries), sites and weapons."""
    from claimgraph.registry.actors import load_registry

    matcher = NameMatcher(tokenizer)
    matcher.add_all(_actor_names(load_registry(tuple(registry_files))))
    matcher.add_all(_site_names())
    matcher.add_all(_weapon_names())
    return matcher
