"""The actor registry: known actors under all their names, from the shipped actors.yaml
plus user files that add entries or replace them by id.

Lookups are exact on a normalised key (see `normalize_name`); fuzzy and in-text
matching belong to the matcher, which reuses the same normalisation.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

from claimgraph.errors import ConfigError

SHIPPED = Path(__file__).parent / "actors.yaml"
DISAMBIGUATION = "disambiguation:"
KINDS = frozenset({"person", "organization"})
ORG_SUBKINDS = frozenset({
    "armed_group", "state_force", "police", "intelligence", "government", "state", "ministry",
    "political_party", "media", "international", "coalition", "militia_alliance",
    "private_military", "ngo",
})
FIELDS = frozenset({"id", "name", "kind", "subkind", "country", "aliases", "acronyms", "part_of",
                    "wikidata", "posts", "metonyms", "note"})
POST_FIELDS = frozenset({"org", "role", "start", "end", "note"})
FIRST_YEAR = 1900  # posts before this are not what the registry is for

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SUBKIND = re.compile(r"[a-z][a-z_]*")
_QID = re.compile(r"Q[1-9][0-9]*")
_APOSTROPHES = "'’‘`ʼʿʾ´"
_ARTICLE = re.compile(r"\b(?:al|el|ul|ad|adh|an|ar|as|ash|at|ath|az|ed|en|er|es|esh|et|ez)[-‐–](?=\w)", re.I)
_PUNCT = re.compile(r"[\s\-‐‑–—_/,;:()\[\]\"“”«»!?&+]+")
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$")
_PLURAL_ACRONYM = re.compile(r"([A-Z][A-Z0-9.\-]*[A-Z0-9])s")


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # person | organization
    subkind: str | None
    country: str | None  # ISO 3166-1 alpha-2; None for transnational actors
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    part_of: str | None
    wikidata: str | None
    posts: tuple[dict, ...]  # persons: {org, role, start, end}; a missing end is "not recorded"
    metonyms: tuple[str, ...]  # "Tehran" for Iran: not names, so never matched as aliases
    note: str | None

    def surfaces(self) -> tuple[str, ...]:
        """Canonical name, aliases and acronyms, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases, *self.acronyms)))

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("aliases", "acronyms", "metonyms", "posts"):
            data[key] = list(data[key])
        return data


# -- normalisation ---------------------------------------------------------------------------

def is_acronym(name: str) -> bool:
    """Short all-capital names ("IS", "IRGC-QF", "U.S.") and one-word mixed-case acronyms
    ("LeT", "JeM", "FAMa") are matched case-sensitively: "is", "let" are words."""
    if " " in name.strip():
        core = re.sub(rf"[.\-\s{_APOSTROPHES}]", "", name)
        return 1 < len(core) <= 6 and core.isupper()
    core = re.sub(rf"[.\-{_APOSTROPHES}]", "", name)
    capitals = sum(c.isupper() for c in core)
    return 1 < len(core) <= 6 and (core.isupper() or capitals >= 2)


def _tokens(text: str, keep_case: bool) -> list[str]:
    text = unicodedata.normalize("NFKD", text.strip())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text)
    text = _ARTICLE.sub("al ", text)
    text = re.sub(rf"[{_APOSTROPHES}.]", "", text)
    tokens = _PUNCT.sub(" ", text).split()
    if not keep_case:
        tokens = [t.casefold() for t in tokens]
    if len(tokens) > 1 and tokens[0] in ("the", "The"):
        tokens = tokens[1:]
    return tokens


def normalize_name(text: str, keep_case: bool = False) -> str:
    """The lookup key: accents, apostrophes and periods dropped, hyphens and punctuation as
    spaces, the Arabic article ("al-", "ad-", "el-", "al ") and a leading "the" dropped, a
    final possessive "'s" dropped, case folded unless `keep_case` (for acronyms)."""
    tokens = _tokens(text, keep_case)
    kept = [t for t in tokens if t not in ("al", "Al")]
    return " ".join(kept or tokens)


def _compact(text: str) -> str:
    """Fallback key that ignores spaces ("Hizb Allah" / "Hizballah"), the article kept."""
    return "".join(_tokens(text, keep_case=False))


def _singular(text: str) -> str:
    """"IRGCs" -> "IRGC"; anything else unchanged."""
    match = _PLURAL_ACRONYM.fullmatch(text)
    return match.group(1) if match and is_acronym(match.group(1)) else text


# -- the registry ----------------------------------------------------------------------------

class Registry:
    def __init__(self, actors: dict[str, Actor], sources: dict[str, Path] | None = None,
                 duplicates: Sequence[str] = ()):
        self.actors = actors
        self.sources = sources or {}  # id -> the file the entry came from
        self.duplicates = tuple(duplicates)  # "file: id" for ids given twice in one file
        self._cased: dict[str, list[Actor]] = {}
        self._folded: dict[str, list[Actor]] = {}
        self._compact: dict[str, list[Actor]] = {}
        self._metonyms: dict[str, list[Actor]] = {}
        self._children: dict[str, list[Actor]] = {}
        for actor in actors.values():
            self._index(actor)

    def _index(self, actor: Actor) -> None:
        for surface in actor.surfaces():
            if is_acronym(surface):
                _add(self._cased, normalize_name(surface, keep_case=True), actor)
            else:
                _add(self._folded, normalize_name(surface), actor)
                _add(self._compact, _compact(surface), actor)
        for metonym in actor.metonyms:
            _add(self._metonyms, normalize_name(metonym), actor)
        if actor.part_of:
            _add(self._children, actor.part_of, actor)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def names(self) -> Iterator[tuple[str, Actor]]:
        """Every (surface name, actor): canonical names, aliases, acronyms (not metonyms)."""
        for actor in self.actors.values():
            for surface in actor.surfaces():
                yield surface, actor

    def lookup(self, name: str) -> list[Actor]:
        """Actors whose normalised name equals `name`'s; more than one when ambiguous."""
        text = _singular(name.strip())
        cased = normalize_name(text, keep_case=True)
        hits = self._cased.get(cased, []) + self._folded.get(cased.casefold(), [])
        if not hits and not is_acronym(text):
            hits = self._compact.get(_compact(text), [])
        return list({a.id: a for a in hits}.values())

    def lookup_metonym(self, name: str) -> list[Actor]:
        """Actors a place name can stand for ("Tehran" -> Iran); callers decide from context."""
        return list(self._metonyms.get(normalize_name(name), []))

    def children(self, actor_id: str) -> list[Actor]:
        return list(self._children.get(actor_id, []))


def _add(index: dict[str, list[Actor]], key: str, actor: Actor) -> None:
    bucket = index.setdefault(key, [])
    if actor not in bucket:
        bucket.append(actor)


# -- loading ---------------------------------------------------------------------------------

def load_registry(user_files: Sequence[Path] = ()) -> Registry:
    """The shipped registry plus user files, later files adding entries or replacing them by
    id. Raises ConfigError naming the file and entry for anything but shared aliases
    (those are reported by `validate`)."""
    return _load(tuple(Path(p) for p in user_files))


@lru_cache(maxsize=16)
def _load(user_files: tuple[Path, ...]) -> Registry:
    actors: dict[str, Actor] = {}
    sources: dict[str, Path] = {}
    duplicates: list[str] = []
    for path in (SHIPPED, *user_files):
        seen: set[str] = set()
        for number, raw in enumerate(_read(path), 1):
            actor = _parse(raw, f"{path}: entry {number}")
            if actor.id in seen:
                duplicates.append(f"{path}: {actor.id}")
            seen.add(actor.id)
            actors[actor.id] = actor
            sources[actor.id] = path
    registry = Registry(actors, sources, duplicates)
    fatal = [p for p in validate(registry) if "shared by" not in p]
    if fatal:
        raise ConfigError("invalid actor registry: " + "; ".join(fatal))
    return registry


def _read(path: Path) -> list:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read actor registry {path}: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise ConfigError(f"{path}: an actor registry must be a YAML list of entries")
    return data


def _parse(raw: object, where: str) -> Actor:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping, got {type(raw).__name__}")
    where = f"{where} ({raw.get('id')!r})"
    unknown = set(raw) - FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    for key in ("id", "name", "kind"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ConfigError(f"{where}: '{key}' must be a non-empty string")
    try:
        actor = Actor(
            id=raw["id"], name=raw["name"].strip(), kind=raw["kind"],
            subkind=_optional_str(raw, "subkind"), country=_optional_str(raw, "country"),
            aliases=_strings(raw, "aliases"), acronyms=_strings(raw, "acronyms"),
            part_of=_optional_str(raw, "part_of"), wikidata=_optional_str(raw, "wikidata"),
            posts=_posts(raw), metonyms=_strings(raw, "metonyms"), note=_optional_str(raw, "note"),
        )
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    problems = entry_problems(actor)
    if problems:
        raise ConfigError(f"{where}: {'; '.join(problems)}")
    return actor


def _optional_str(raw: dict, key: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and key == "wikidata":
        raise ValueError(f"'{key}' must be a string like Q123")
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a string")
    return value.strip() or None


def _strings(raw: dict, key: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"'{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _posts(raw: dict) -> tuple[dict, ...]:
    value = raw.get("posts") or []
    if not isinstance(value, list) or not all(isinstance(p, dict) for p in value):
        raise ValueError("'posts' must be a list of mappings")
    for post in value:
        if set(post) - POST_FIELDS or not isinstance(post.get("org"), str):
            raise ValueError(f"a post needs 'org' and only {sorted(POST_FIELDS)}: {post}")
    return tuple(dict(p) for p in value)


# -- validation ------------------------------------------------------------------------------

def entry_problems(actor: Actor) -> list[str]:
    """What is wrong with one entry on its own."""
    problems = []
    if not _ID.fullmatch(actor.id):
        problems.append(f"id {actor.id!r} must be lowercase words joined by hyphens")
    if actor.kind not in KINDS:
        problems.append(f"unknown kind {actor.kind!r} (expected one of {sorted(KINDS)})")
    elif actor.kind == "organization" and actor.subkind not in ORG_SUBKINDS:
        problems.append(f"unknown organization subkind {actor.subkind!r}")
    elif actor.kind == "person" and actor.subkind is not None and not _SUBKIND.fullmatch(actor.subkind):
        problems.append(f"person role {actor.subkind!r} must be a lowercase word")
    if actor.country is not None and not _is_country(actor.country):
        problems.append(f"unknown ISO 3166-1 alpha-2 country code {actor.country!r}")
    if actor.wikidata is not None and not _QID.fullmatch(actor.wikidata):
        problems.append(f"wikidata {actor.wikidata!r} is not a Q-id")
    problems.extend(_year_problems(actor))
    return problems


def _is_country(code: str) -> bool:
    return len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None


def _year_problems(actor: Actor) -> list[str]:
    last = datetime.date.today().year + 1
    problems = []
    for post in actor.posts:
        start, end = post.get("start"), post.get("end")
        for year in (start, end):
            if year is not None and (not isinstance(year, int) or isinstance(year, bool)
                                     or not FIRST_YEAR <= year <= last):
                problems.append(f"post {post['org']}: bad year {year!r}")
        if isinstance(start, int) and isinstance(end, int) and start > end:
            problems.append(f"post {post['org']}: starts ({start}) after it ends ({end})")
    return problems


def validate(registry: Registry) -> list[str]:
    """Every problem in a registry: bad entries, duplicate ids, missing parents or post
    organisations, part_of cycles, and aliases shared without a "disambiguation:" note."""
    problems = [f"duplicate id {d}" for d in registry.duplicates]
    for actor in registry.actors.values():
        where = f"{registry.sources.get(actor.id, '?')}: {actor.id}"
        problems += [f"{where}: {p}" for p in entry_problems(actor) + _link_problems(registry, actor)]
    return problems + _shared_aliases(registry)


def _link_problems(registry: Registry, actor: Actor) -> list[str]:
    problems = []
    if actor.part_of is not None and actor.part_of not in registry.actors:
        problems.append(f"parent {actor.part_of!r} does not exist")
    problems += [f"post organisation {p['org']!r} does not exist"
                 for p in actor.posts if p["org"] not in registry.actors]
    seen, current = {actor.id}, registry.actors.get(actor.part_of or "")
    while current is not None:
        if current.id in seen:
            problems.append(f"part_of cycle through {current.id!r}")
            break
        seen.add(current.id)
        current = registry.actors.get(current.part_of or "")
    return problems


def _shared_aliases(registry: Registry) -> list[str]:
    problems, reported = [], set()
    for surface, actor in registry.names():
        owners = registry.lookup(surface)
        ids = tuple(sorted(a.id for a in owners))
        if len(ids) < 2 or ids in reported:
            continue
        reported.add(ids)
        if not any((a.note or "").lower().startswith(DISAMBIGUATION) for a in owners):
            problems.append(f"name {surface!r} shared by {', '.join(ids)} without a "
                            f"'{DISAMBIGUATION}' note")
    return problems
