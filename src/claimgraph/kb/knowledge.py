"""KnowledgeBase: the library API over the store's knowledge-base tables (used by the
CLI and the web app). Every result is a plain JSON-able dict."""

from __future__ import annotations

from datetime import date

from claimgraph.config import Settings
from claimgraph.errors import NotFound
from claimgraph.kb.build import build
from claimgraph.kb.network import neighbourhood, tie_graph
from claimgraph.registry.actors import load_registry, normalize_name
from claimgraph.registry.outlets import load_outlets


class KnowledgeBase:
    def __init__(self, store, settings: Settings | None = None):
        self.store = store
        self.settings = settings or Settings()

    def rebuild(self) -> dict:
        """Recompute every derived table from the stored records; returns the counts."""
        registry = load_registry(tuple(self.settings.registry_files))
        outlets = load_outlets(self.settings.outlets_file)
        undone = {m["merge_id"] for m in self.store.kb_merges() if m["undone"]}
        built = build(self.store.kb_documents(), list(self.store.iter_records()), registry, outlets, undone)
        self.store.kb_write(built.tables, built.merges)
        return built.counts

    # -- actors --------------------------------------------------------------------------------

    def actors(self, kind: str | None = None, q: str | None = None, limit: int = 100, offset: int = 0,
               everyone: bool = False) -> list[dict]:
        """Actors, most documented first; `everyone` adds each document's own descriptions
        and collectives ("the regime", "civilians"), which are left out of lists by default."""
        return self.store.kb_actors(kind=kind, q=q, limit=limit, offset=offset, everyone=everyone)

    def find_actor(self, name_or_id: str) -> dict:
        """An actor by id ("reg:quds-force", "quds-force"), per-document id, or any of its names."""
        text = name_or_id.strip()
        ids = [text] if ":" in text else [f"reg:{text}", text]
        for actor_id in ids:
            found = self.store.kb_find_actor(actor_id, normalize_name(text))
            if found:
                return found
        raise NotFound(f"no actor {name_or_id!r} in the knowledge base (try `claimgraph actors --q`)")

    def actor(self, name_or_id: str) -> dict:
        """The dossier: the actor, its ties with grades and sources, its events as
        perpetrator and as target, a timeline, and the claims it made."""
        actor = self.find_actor(name_or_id)
        key = actor["actor_id"]
        ties = self.relations(actor=key)
        as_perpetrator = self.store.kb_items("event", actor=key, role="perpetrator")
        as_target = self.store.kb_items("event", actor=key, role="target")
        said = self.store.kb_items("claim", actor=key, role="speaker")
        return {**actor, "ties": ties, "events": {"perpetrator": as_perpetrator, "target": as_target},
                "timeline": _timeline(actor, as_perpetrator + as_target), "claims_made": said}

    # -- facts ---------------------------------------------------------------------------------

    def relations(self, actor: str | None = None, type: str | None = None, min_grade: int | None = None) -> list[dict]:
        """Relation facts; `min_grade` keeps those graded at least that well (1 best)."""
        key = self.find_actor(actor)["actor_id"] if actor else None
        return self.store.kb_items("relation", actor=key, type_=type, max_grade=min_grade)

    def events(self, actor: str | None = None, type: str | None = None, since: date | str | None = None,
               until: date | str | None = None, country: str | None = None, bbox: tuple | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict]:
        """Events in date order; `type` is an ACLED type or sub-event type; dates overlap
        [since, until]; bbox is (west, south, east, north) in degrees; `limit` and `offset` page."""
        return self.store.kb_items("event", **self._event_filters(actor, type, since, until, country, bbox),
                                   limit=limit, offset=offset)

    def event_page(self, actor: str | None = None, type: str | None = None, since: date | str | None = None,
                   until: date | str | None = None, country: str | None = None, bbox: tuple | None = None,
                   limit: int | None = None, offset: int = 0) -> tuple[list[dict], int]:
        """A page of events (as `events`) and how many match in all."""
        filters = self._event_filters(actor, type, since, until, country, bbox)
        return (self.store.kb_items("event", **filters, limit=limit, offset=offset),
                self.store.kb_item_count("event", **filters))

    def _event_filters(self, actor, type, since, until, country, bbox) -> dict:
        key = self.find_actor(actor)["actor_id"] if actor else None
        return {"actor": key, "type_": type, "since": _date(since), "until": _date(until), "country": country,
                "bbox": bbox}

    def event(self, event_id: str) -> dict:
        found = self.store.kb_item(event_id)
        if found.get("kind") != "event":
            raise NotFound(f"no event {event_id!r} in the knowledge base")
        return found

    def claims(self, about: str | None = None) -> list[dict]:
        """Every claim behind a fact; with `about`, those about the actor or made by it."""
        key = self.find_actor(about)["actor_id"] if about else None
        return self.store.kb_items("claim", actor=key)

    def stories(self) -> list[dict]:
        return self.store.kb_stories()

    def ties(self, type: str | None = None, min_grade: int | None = None) -> list[dict]:
        """Relation facts without their claims (ends, type, grade, sources): the network's edges."""
        return self.store.kb_ties(type_=type, max_grade=min_grade)

    def actors_by_id(self, actor_ids) -> dict[str, dict]:
        return self.store.kb_actors_by_id(sorted(set(actor_ids)))

    def network(self, name: str, depth: int = 2) -> dict:
        center = self.find_actor(name)
        ties = self.ties()
        actors = self.actors_by_id(end["actor_id"] for t in ties for end in (t["source"], t["target"]))
        graph = tie_graph(ties, actors)
        return {"name": center["name"], **neighbourhood(graph, center["actor_id"], depth)}

    # -- merges --------------------------------------------------------------------------------

    def merges(self) -> list[dict]:
        return self.store.kb_merges()

    def undo_merge(self, merge_id: str) -> dict:
        """Mark the merge undone (it stays listed) and rebuild without it."""
        merge = self.store.kb_undo_merge(merge_id)
        self.rebuild()
        return merge


def _date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _timeline(actor: dict, events: list[dict]) -> list[dict]:
    entries = [{"date": (e.get("date") or {}).get("start"), "kind": "event", "id": e["id"],
                "what": f"{e['subtype']} at {(e.get('place') or {}).get('name') or 'unknown place'}",
                "grade": e["grade"]} for e in events]
    for post in actor.get("posts", []):
        entries.append({"date": str(post["start"]) if post.get("start") else None, "kind": "post", "id": None,
                        "what": f"{post.get('role') or 'post'} of {post.get('org')}", "grade": None})
    unique = {(e["date"] or "", e["kind"], e["id"] or e["what"]): e for e in entries}
    return [unique[k] for k in sorted(unique)]
