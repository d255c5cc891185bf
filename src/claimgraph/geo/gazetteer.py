"""The gazetteer: every place we know, indexed by normalised name, built once per process.

`candidates` answers "which places could this name be"; `resolve` chooses among them for
all the toponyms of one document together, using what the document itself says: the
countries and states it names, and the places near its other, unambiguous places.
"""

from __future__ import annotations

import bisect

import math
import re
import statistics
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from claimgraph.geo.place import Place
from claimgraph.geo.tables import ACTOR_NAMES, DIRECTIONS, ORGANISATION_WORDS, REGION_ABBREVIATIONS
from claimgraph.geo.text import keys, name_key, raw_key, translit_key

FUZZY_MIN_LENGTH = 6
FUZZY_MIN_SCORE = 92
SURE_LOOSE_POPULATION = 100_000  # a loose spelling found in running text must name a big town
FUZZY_MIN_POPULATION = 15_000  # only well-known places are worth a guess at a misspelling
# Prior weight of each precision: a bare name that is a country is usually the country.
PRECISION_BONUS = {"site": 5.0, "country": 4.0, "region": 2.5, "city": 0.0}
CAPITAL_BONUS = 1.0
# The capital of a country the document is about is what its bare name means there
# ("Washington" in a Georgia paper is the nation's capital, not Washington, Ga.).
CAPITAL_CONTEXT_BONUS = 3.0
# A city this big, and this large a share of its region's people, is what the bare name
# means ("Baghdad", "Kirkuk"); not so "New York" or "Quebec", whose regions are far bigger.
SHADOW_POPULATION = 100_000
SHADOW_SHARE = 0.4
CURATED_SOURCES = ("places.yaml", "claimgraph")
COUNTRY_CONTEXT_BONUS = 3.0
ADMIN1_CONTEXT_BONUS = 3.0
NEAR_BONUS = 2.0
NEAR_KM = 200.0
# A town found only by one of its alternate names (a former name, a namesake it absorbed:
# "Palmyra" for "Springfield") is a weaker reading than a town that bears the name.
ALT_NAME_PENALTY = 2.0
WELL_KNOWN_PRIOR = 5.0  # a town of ~100,000, a state, a country: its name alone is a place
# A town read by one of its alternate names only must be a city of ~300,000 ("Bombay", "Kiev").
ALTERNATE_MIN_PRIOR = 5.5
OWN_SPELLING_MIN_SCORE = 85  # fuzz.ratio of a spelling of the place's own name ("Muqdadiyah")
# The state most of the document's names could lie in is where its ambiguous names lie
# (local news: "Jordan", "Watertown", "Delano" and "Scott County" are all in Minnesota).
SUPPORT_BONUS = 2.0


_COUNTY_WORD = re.compile(r"\s+(County|Parish)$")
# One capitalised word cut short with a period, no state's abbreviation ("Sen.", "Gen.").
_TITLE_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,4}\.$")


class Gazetteer:
    def __init__(self, entries: Iterable[tuple[Place, list[str]]]):
        self.places: list[Place] = []
        self.index: dict[str, list[int]] = {}
        self.loose: dict[str, list[int]] = {}  # translit_key -> places, where it differs
        fuzzy: set[str] = set()
        for place, names in entries:
            self._add(place, names, fuzzy)
        self._add_bare_county_names()
        self.fuzzy_keys = sorted(fuzzy)
        self.fuzzy_buckets = _fuzzy_buckets(self.fuzzy_keys)
        self.by_id = {p.id: p for p in self.places}
        self.abbreviations = {raw_key(a): self.by_id.get(f"region:{c}") for a, c in REGION_ABBREVIATIONS.items()}

    def _add(self, place: Place, names: list[str], fuzzy: set[str]) -> None:
        i = len(self.places)
        self.places.append(place)
        keep_fuzzy = place.precision != "city" or place.population >= FUZZY_MIN_POPULATION
        for name in names:
            raw, key2 = keys(name)
            loose = translit_key(key2)
            if loose != key2:
                _append(self.loose, loose, i)
            for key in (raw, key2) if raw != key2 else (raw,):
                if len(key) < 2:  # "D" (for Detroit) is no name a text uses for a place
                    continue
                _append(self.index, key, i)
                if keep_fuzzy and len(key) >= FUZZY_MIN_LENGTH:
                    fuzzy.add(key)

    def _add_bare_county_names(self) -> None:
        """"Geauga and Medina counties": a county's name without "County" names it where
        nothing else bears that name (not "Madison", "Washington")."""
        bare: dict[str, list[int]] = {}
        for i, place in enumerate(self.places):
            if place.id.startswith("county:"):
                base = _COUNTY_WORD.sub("", place.name)
                if base != place.name and raw_key(base) not in self.index:
                    bare.setdefault(raw_key(base), []).append(i)
        for key, ids in bare.items():
            self.index[key] = ids

    # -- lookup ---------------------------------------------------------------------------

    def candidates(self, name: str, fuzzy: bool = True) -> list[Place]:
        """Places this name may refer to, most likely first; [] for non-places.
        Exact (normalised) matches only when `fuzzy` is false or the name is short."""
        return list(self._candidates(name, fuzzy))

    def readings(self, name: str, fuzzy: bool = True) -> list[Place]:
        """The candidates a name may mean where nothing but the gazetteer says it is a place
        (a "person" retyped, an untagged proper noun, a word inside a description): less
        small towns that bear it only as an alternate name."""
        return list(self._readings(name, fuzzy))

    @lru_cache(maxsize=50_000)  # noqa: B019 - one gazetteer per process, kept for its life
    def _readings(self, name: str, fuzzy: bool) -> tuple[Place, ...]:
        return tuple(_without_small_alternates(name, list(self._candidates(name, fuzzy))))

    @lru_cache(maxsize=50_000)  # noqa: B019 - one gazetteer per process, kept for its life
    def _candidates(self, name: str, fuzzy: bool) -> tuple[Place, ...]:
        if is_actor_name(name):
            return ()
        state = self.abbreviations.get(raw_key(name))
        if state is not None and "." in name:
            return (state,)
        if _TITLE_ABBREVIATION.match(name):  # "Sen.", "Gen.", "Gov.": titles, not places
            return ()
        # A bare name is the big city rather than the region named for it; "X province" is not.
        bare = raw_key(name) in self.index
        found = self._exact(name)
        if not found:
            found, bare = self._loose(name, sure_only=not fuzzy), raw_key(name) == name_key(name)
        found = _prefer_cities(found) if bare else found
        if has_organisation_word(name):  # only a hand-listed site may look like that
            return tuple(p for p in found if p.source in CURATED_SOURCES)
        if not found and fuzzy and len(name_key(name)) >= FUZZY_MIN_LENGTH:
            found = self._fuzzy(name_key(name))
        return tuple(sorted(found, key=prior, reverse=True))

    def _exact(self, name: str) -> list[Place]:
        """The name as written first ("Kansas City"), then without its generic words."""
        base = name_key(name)
        for key in (raw_key(name), base, _without_direction(base)):
            if key in self.index:
                return [self.places[i] for i in self.index[key]]
        return []

    def _loose(self, name: str, sure_only: bool = False) -> list[Place]:
        """Romanised loosely ("Hawija" for "Al Hawijah"): a guess, see `is_loose`. When
        `sure_only` (finding toponyms, not resolving them), only long names of big places."""
        loose = translit_key(name_key(name))
        if sure_only and len(loose) < FUZZY_MIN_LENGTH:
            return []
        hits = self.loose.get(loose, []) + self.index.get(loose, [])
        places = [self.places[i] for i in dict.fromkeys(hits)]
        return [p for p in places if p.population >= SURE_LOOSE_POPULATION] if sure_only else places

    @lru_cache(maxsize=50_000)  # noqa: B019
    def is_loose(self, name: str) -> bool:
        """True where the name is known only romanised loosely or misspelt: its readings
        are trusted only in a country the document is about."""
        return bool(name_key(name)) and not self._exact(name) and not is_actor_name(name)

    def _fuzzy(self, key: str) -> list[Place]:
        hit = process.extractOne(key, self._fuzzy_pool(key), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        if hit is None:
            return []
        return _prefer_cities([self.places[i] for i in self.index[hit[0]]
                               if self.places[i].precision != "city" or self.places[i].population >= FUZZY_MIN_POPULATION])

    def _fuzzy_pool(self, key: str) -> list[str]:
        """Keys that could reach the cutoff: same first letter, length within the ratio's reach
        (a ratio of 92 needs lengths within ~16% of each other)."""
        lengths, keys = self.fuzzy_buckets.get(key[:1], ((), ()))
        slack = int(len(key) * (100 - FUZZY_MIN_SCORE) / FUZZY_MIN_SCORE * 2) + 1
        lo = bisect.bisect_left(lengths, len(key) - slack)
        hi = bisect.bisect_right(lengths, len(key) + slack)
        return keys[lo:hi]

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, names: list[str], context_countries: list[str] | None = None) -> list[Place | None]:
        """The place each toponym of one document names (None where it names none).

        Two passes: the names with one clear reading set the document's countries, states
        and anchor towns; then every name takes the reading that fits them best."""
        options = [self.candidates(n) for n in names]
        given = Counter({c.upper(): 2.0 for c in context_countries or []})
        anchors = [c[0] if c and _is_clear(c, c[0]) and not self.is_loose(n) else None for n, c in zip(names, options)]
        countries = set(given) | {p.country for p in anchors if p is not None}
        options = [_in_countries(c, countries) if c and self.is_loose(n) else c for n, c in zip(names, options)]
        penalties = [_alternate_name_penalties(n, c) for n, c in zip(names, options)]
        support = _admin1_support(options)
        first = Context(options, anchors, given, penalties, support)
        chosen = [first.best(i) for i in range(len(options))]
        chosen = [Context(options, chosen, given, penalties, support).best(i) for i in range(len(options))]
        return self._place_counties(chosen)

    def _place_counties(self, chosen: list[Place | None]) -> list[Place | None]:
        """A county the packages could place only at its state's centre lies among the
        towns the document names in that state (local news names its own county's towns)."""
        towns: dict[str, list[Place]] = {}
        for p in chosen:
            if p is not None and p.precision in ("city", "site") and p.admin1:
                towns.setdefault(p.admin1, []).append(p)
        return [self._among(p, towns.get(p.admin1)) if p is not None and _is_unplaced_county(self, p) else p
                for p in chosen]

    @staticmethod
    def _among(county: Place, towns: list[Place] | None) -> Place:
        if not towns:
            return county
        lat = statistics.median(t.lat for t in towns)
        lon = statistics.median(t.lon for t in towns)
        return replace(county, lat=lat, lon=lon)


def _is_unplaced_county(gaz: Gazetteer, place: Place) -> bool:
    if not place.id.startswith("county:"):
        return False
    state = gaz.by_id.get(f"region:US-{place.admin1[3:]}")
    return state is not None and (state.lat, state.lon) == (place.lat, place.lon)


def _admin1_support(options: list[list[Place]]) -> Counter:
    """admin1 -> how many of the document's distinct names have a reading inside it."""
    support: Counter = Counter()
    seen: set[tuple[str, ...]] = set()
    for cands in options:
        ids = tuple(p.id for p in cands)
        if ids in seen:
            continue
        seen.add(ids)
        support.update({p.admin1 for p in cands if p.admin1})
    return support


def _without_small_alternates(name: str, cands: list[Place]) -> list[Place]:
    """The readings of a name, less small towns that bear it only as an alternate name:
    "Dzhokhar" is no Grozny, "Victor" no Victorville, "Twin" no Thuin (Kyiv is "Kiev")."""
    key = name_key(name)
    return [p for p in cands if p.precision != "city" or p.source != "geonames" or prior(p) >= ALTERNATE_MIN_PRIOR
            or _spelled_as(key, p)]


def _spelled_as(key: str, place: Place) -> bool:
    """The name is the place's own, or a spelling of it ("Muqdadiya", "Muqdadiyah")."""
    own = name_key(place.name)
    return own == key or fuzz.ratio(own, key) >= OWN_SPELLING_MIN_SCORE


def _alternate_name_penalties(name: str, cands: list[Place]) -> dict[str, float]:
    """place id -> penalty, for towns that bear the name only as an alternate one, where
    another candidate bears it as its own."""
    key = name_key(name)
    alternate = {p.id for p in cands if p.source == "geonames" and p.precision == "city" and name_key(p.name) != key}
    if not alternate or len(alternate) == len(cands):
        return {}
    return dict.fromkeys(alternate, ALT_NAME_PENALTY)


def _in_countries(cands: list[Place], countries: set) -> list[Place]:
    """A loose reading in a country the document names; else only a single, sizeable one."""
    inside = [p for p in cands if p.country in countries]
    if inside or len(cands) > 1:
        return inside
    return [p for p in cands if p.population >= FUZZY_MIN_POPULATION]


def _append(index: dict[str, list[int]], key: str, i: int) -> None:
    bucket = index.setdefault(key, [])
    if not bucket or bucket[-1] != i:
        bucket.append(i)


def _fuzzy_buckets(keys: list[str]) -> dict[str, tuple[list[int], list[str]]]:
    """First letter -> (lengths, keys) sorted by length, for a quick candidate window."""
    grouped: dict[str, list[str]] = {}
    for key in keys:
        grouped.setdefault(key[:1], []).append(key)
    buckets = {}
    for letter, group in grouped.items():
        group.sort(key=len)
        buckets[letter] = ([len(k) for k in group], group)
    return buckets


def prior(place: Place) -> float:
    """How likely a bare mention of the name means this place, before any context."""
    bonus = CAPITAL_BONUS if place.kind == "capital" else 0.0
    return math.log10(place.population + 10) + PRECISION_BONUS[place.precision] + bonus


def _prefer_cities(found: list[Place]) -> list[Place]:
    """"Baghdad" is the city, not the governorate named after it ("Baghdad province" is)."""
    towns = {p.admin1: p.population for p in found if p.precision == "city" and p.population >= SHADOW_POPULATION}
    return [p for p in found if not (p.precision == "region" and towns.get(p.admin1, 0) >= SHADOW_SHARE * p.population)]


def _without_direction(key: str) -> str:
    """"northeast georgia" -> "georgia": a part of a place is placed at the whole."""
    words = key.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in DIRECTIONS else ""


def is_actor_name(name: str) -> bool:
    """True for names of armed groups and forces that contain or equal a place name."""
    key = raw_key(name)
    return not key or key in ACTOR_NAMES or name_key(name) in ACTOR_NAMES


def has_organisation_word(name: str) -> bool:
    """"Quds Force", "Gainesville Police Department": organisations, not places."""
    return any(w in ORGANISATION_WORDS for w in raw_key(name).split())


class Context:
    """What one document tells about where it is: its countries, states and anchor towns.
    Each name's own readings are left out when it is scored, those of its repeats too (the
    same name as several entities), so no name votes for itself."""

    def __init__(self, options: list[list[Place]], chosen: list[Place | None], given: Counter,
                 penalties: list[dict[str, float]] | None = None, support: Counter | None = None):
        self.options = options
        self.support = support or Counter()
        self.top_support = max(self.support.values(), default=0)
        self.penalties = penalties or [{} for _ in options]
        self.chosen = chosen
        self.repeats = _repeats(options)
        self.countries: Counter = Counter(given)
        self.admin1: Counter = Counter()
        for place in chosen:
            if place is not None:
                self._count(place, 1)

    def _count(self, place: Place, sign: int) -> None:
        if place.country:
            self.countries[place.country] += sign
        if place.admin1:
            self.admin1[place.admin1] += sign * (2 if place.precision == "region" else 1)

    def best(self, i: int) -> Place | None:
        cands = self.options[i]
        if not cands:
            return None
        own = [p for p in (self.chosen[j] for j in self.repeats[i]) if p is not None]
        for place in own:
            self._count(place, -1)
        try:
            return max(cands, key=lambda c: self.score(c, i))
        finally:
            for place in own:
                self._count(place, 1)

    def score(self, place: Place, i: int) -> float:
        s = prior(place) - self.penalties[i].get(place.id, 0.0)
        if place.country and self.countries.get(place.country, 0) > 0:
            share = _share(self.countries, place.country)
            s += (COUNTRY_CONTEXT_BONUS + (CAPITAL_CONTEXT_BONUS if place.kind == "capital" else 0.0)) * share
        if place.admin1 and self.admin1.get(place.admin1, 0) > 0:
            s += ADMIN1_CONTEXT_BONUS * _share(self.admin1, place.admin1)
        if place.precision in ("city", "site") and self._near_anchor(place, i):
            s += NEAR_BONUS
        return s + self._support(place)

    def _support(self, place: Place) -> float:
        """The bonus for lying in the state where the other names could lie too."""
        if not place.admin1 or self.top_support < 3:
            return 0.0
        others = self.support[place.admin1] - 1  # the name's own readings vote once
        return SUPPORT_BONUS * max(others, 0) / (self.top_support - 1)

    def _near_anchor(self, place: Place, i: int) -> bool:
        same = self.repeats[i]
        for j, anchor in enumerate(self.chosen):
            if j in same or anchor is None or anchor.precision not in ("city", "site"):
                continue
            if anchor.id != place.id and haversine_km(anchor.lat, anchor.lon, place.lat, place.lon) < NEAR_KM:
                return True
        return False


def _repeats(options: list[list[Place]]) -> list[set[int]]:
    """For each name, the indices of the names with the same readings (itself included)."""
    groups: dict[tuple[str, ...], set[int]] = {}
    for i, cands in enumerate(options):
        groups.setdefault(tuple(p.id for p in cands) or (f"#{i}",), set()).add(i)
    return [groups[tuple(p.id for p in cands) or (f"#{i}",)] for i, cands in enumerate(options)]


def _share(counts: Counter, key: str) -> float:
    """1 for the document's main country or state, less for ones named in passing."""
    return counts[key] / max(counts.values())


def _is_clear(cands: list[Place], place: Place) -> bool:
    """An anchor: a name with a single reading, or whose reading stands far above the rest."""
    if len(cands) == 1:
        return True
    rest = [prior(c) for c in cands if c is not place]
    return prior(place) - max(rest) > 1.5


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (a few seconds), then shared."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _LOCK:
            if _GAZETTEER is None:
                from claimgraph.geo.sources import all_entries

                _GAZETTEER = Gazetteer(all_entries())
    return _GAZETTEER
