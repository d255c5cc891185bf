"""Actors across documents: one actor per registry id; provisional actors (names the
registry does not know) merged when their normalised name, kind and country agree.

Per-document ids come from store.rows.actor_id ("reg:quds-force", "prov:organization:
kataib-sayyid-al-shuhada"), which already unites identical spellings. A merge joins
per-document ids that differ only in what the registry's stronger normalisation drops
(articles, apostrophes, possessives, punctuation). Every merge is proposed with its
reason and id; an undone merge is not applied, and a rebuild keeps it undone.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from claimgraph.registry.actors import Registry, normalize_name
from claimgraph.store.rows import actor_id as member_id, is_document_actor

ACTOR_KINDS = ("person", "organization")


@dataclass
class Member:
    """One per-document actor id, with what the documents say of it."""

    member_id: str
    kind: str
    registry_id: str | None
    names: Counter = field(default_factory=Counter)
    subkinds: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    documents: set = field(default_factory=set)
    mentions: int = 0

    @property
    def name(self) -> str:
        return _most_common(self.names)

    @property
    def country(self) -> str | None:
        return _most_common(self.countries) if self.countries else None


def _most_common(counter: Counter) -> str:
    return min(counter.items(), key=lambda item: (-item[1], str(item[0])))[0]


def document_country(record: dict, registry: Registry) -> str | None:
    """Where a report is about: the commonest country of its geocoded places, else of
    the registry actors it names (ties alphabetical); None when nothing says."""
    places = Counter(e["geo"]["country"] for e in record.get("entities", [])
                     if e.get("geo") and e["geo"].get("country"))
    if places:
        return _most_common(places)
    known = (registry.get(e["registry_id"]) for e in record.get("entities", []) if e.get("registry_id"))
    countries = Counter(actor.country for actor in known if actor and actor.country)
    return _most_common(countries) if countries else None


def collect_members(records: list[dict], registry: Registry) -> dict[str, Member]:
    members: dict[str, Member] = {}
    for record in records:
        country = document_country(record, registry)
        for entity in record.get("entities", []):
            if entity["kind"] not in ACTOR_KINDS:
                continue
            key = member_id(entity, record["doc_id"])
            member = members.setdefault(key, Member(key, entity["kind"], entity.get("registry_id")))
            member.names[entity["name"]] += 1
            member.subkinds[entity.get("subkind") or ""] += 1
            if country:
                member.countries[country] += 1
            member.documents.add(record["doc_id"])
            member.mentions += len(entity.get("mentions", []))
    return members


def propose_merges(members: dict[str, Member]) -> list[dict]:
    """Provisional members with the same kind, normalised name and country, grouped."""
    groups: dict[tuple, list[Member]] = {}
    for member in members.values():
        if member.registry_id is None and not is_document_actor(member.member_id):  # a document's own stay apart
            groups.setdefault((member.kind, normalize_name(member.name), member.country), []).append(member)
    merges = []
    for (kind, key, country), group in sorted(groups.items(), key=lambda item: str(item[0])):
        if len(group) < 2:
            continue
        target = min(group, key=lambda m: (-len(m.documents), m.member_id))
        merges.append({
            "merge_id": "merge-" + hashlib.sha1(f"{kind}|{key}|{country}".encode()).hexdigest()[:10],
            "target": target.member_id,
            "members": sorted(m.member_id for m in group),
            "reason": f"provisional {kind}s with the same normalised name {key!r} and country "
                      f"{country or 'unknown'}: " + ", ".join(sorted(repr(m.name) for m in group)),
        })
    return merges


def canonical_map(members: dict[str, Member], merges: list[dict], undone: set[str]) -> dict[str, str]:
    """Per-document actor id -> knowledge-base actor id, applying the merges not undone."""
    mapping = {key: key for key in members}
    for merge in merges:
        if merge["merge_id"] in undone:
            continue
        for member in merge["members"]:
            if member in mapping:
                mapping[member] = merge["target"]
    return mapping


def build_actors(members: dict[str, Member], mapping: dict[str, str], registry: Registry,
                 merges: list[dict], undone: set[str]) -> dict[str, dict]:
    """The knowledge-base actors, each a plain dict."""
    grouped: dict[str, list[Member]] = {}
    for key, member in members.items():
        grouped.setdefault(mapping[key], []).append(member)
    applied = {m["target"]: m["merge_id"] for m in merges if m["merge_id"] not in undone}
    return {actor_id: _actor(actor_id, sorted(group, key=lambda m: m.member_id), registry, applied.get(actor_id))
            for actor_id, group in sorted(grouped.items())}


def _actor(actor_id: str, group: list[Member], registry: Registry, merge_id: str | None) -> dict:
    names: Counter = sum((m.names for m in group), Counter())
    subkinds: Counter = sum((m.subkinds for m in group), Counter())
    countries: Counter = sum((m.countries for m in group), Counter())
    entry = registry.get(group[0].registry_id) if group[0].registry_id else None
    aliases = set(names)
    if entry:
        aliases |= set(entry.surfaces())
    name = entry.name if entry else _most_common(names)
    return {
        "actor_id": actor_id, "name": name, "kind": group[0].kind,
        "subkind": (entry.subkind if entry else _most_common(subkinds)) or None,
        "country": entry.country if entry else (_most_common(countries) if countries else None),
        "provisional": entry is None, "registry_id": entry.id if entry else None,
        "wikidata": entry.wikidata if entry else None,
        "part_of": f"reg:{entry.part_of}" if entry and entry.part_of else None,
        "posts": list(entry.posts) if entry else [],
        "aliases": sorted(aliases - {name}, key=str.casefold),
        "members": [m.member_id for m in group], "merge_id": merge_id,
        "documents": len(set().union(*(m.documents for m in group))),
        "mentions": sum(m.mentions for m in group),
    }


def name_keys(actor: dict) -> set[str]:
    return {normalize_name(n) for n in (actor["name"], *actor["aliases"])} - {""}
