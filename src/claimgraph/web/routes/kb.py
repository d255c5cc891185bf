"""Actors and their dossiers, ties (relations) with their evidence, the network, claims."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request

from claimgraph.errors import NotFound
from claimgraph.web.respond import dual, respond
from claimgraph.web.routes.common import Limit, Offset, Ref, Text, kb_of

router = APIRouter()
TIE_TYPES = ("part_of", "member_of", "leads", "commands", "allied_with", "fights", "supports", "trains",
             "front_for", "succeeded", "killed")
DEFAULT_ACTORS, MAX_ACTORS = 300, 3000
Grade = Annotated[int | None, Query(ge=1, le=6, description="Keep facts graded this well or better (1 best)")]
TieType = Annotated[str | None, Query(max_length=40, description="Tie type: " + ", ".join(TIE_TYPES))]


@dual(router, "/actors", "actors", "Actors, most documented first; filter by kind or name")
def actors(request: Request, kind: Text = None, q: Text = None, limit: Limit = 100, offset: Offset = 0):
    found = kb_of(request).actors(kind=kind, q=q, limit=limit, offset=offset)
    return respond(request, "actors.html", found, kind=kind, q=q, limit=limit, offset=offset)


@dual(router, "/actors/{ref}", "actor", "An actor's dossier, by id (reg:quds-force, quds-force) or any name")
def actor(request: Request, ref: Ref):
    kb = kb_of(request)
    dossier = kb.actor(ref)
    parent = _actor_or_none(kb, dossier.get("part_of"))
    subunits = [t["source"] for t in dossier["ties"]
                if t["type"] in ("part_of", "member_of") and t["target"]["actor_id"] == dossier["actor_id"]]
    return respond(request, "actor.html", dossier, parent=parent, subunits=subunits,
                   timeline=timeline_points(dossier))


def _actor_or_none(kb, actor_id: str | None) -> dict | None:
    if not actor_id:
        return None
    try:
        return kb.find_actor(actor_id)
    except NotFound:
        return {"actor_id": actor_id, "name": actor_id}


@dual(router, "/relations", "relations", "Ties between actors, with grades; filter by actor, type, credibility")
def relations(request: Request, actor: Text = None, type: TieType = None, min_grade: Grade = None):
    found = kb_of(request).relations(actor=actor, type=type, min_grade=min_grade)
    return respond(request, "relations.html", found, actor=actor, type=type, min_grade=min_grade, types=TIE_TYPES)


@dual(router, "/relations/{ref}", "relation", "One tie with its grade, reasons and every claim behind it")
def relation(request: Request, ref: Ref):
    found = kb_of(request).store.kb_item(ref)
    if found.get("kind") != "relation":
        raise NotFound(f"no tie {ref!r} in the knowledge base")
    return respond(request, "relation.html", found)


@dual(router, "/network", "network", "The tie network: actors as nodes, ties as edges; around one actor with `actor`")
def network(request: Request, actor: Text = None, depth: Annotated[int, Query(ge=1, le=6)] = 2,
            type: TieType = None, min_grade: Grade = None,
            max_actors: Annotated[int, Query(ge=2, le=MAX_ACTORS, description="Show at most this many actors, "
                                             "the most documented first")] = DEFAULT_ACTORS):
    kb = kb_of(request)
    ties = kb.ties(type=type, min_grade=min_grade)
    if actor:
        around = {node["id"] for node in kb.network(actor, depth=depth)["nodes"]}
        ties = [t for t in ties if t["source"]["actor_id"] in around and t["target"]["actor_id"] in around]
    data = graph_of(ties, kb.actors_by_id(end["actor_id"] for t in ties for end in (t["source"], t["target"])),
                    max_actors)
    return respond(request, "network.html", data, actor=actor, depth=depth, type=type, min_grade=min_grade,
                   types=TIE_TYPES, max_actors=max_actors)


def graph_of(ties: list[dict], actors: dict[str, dict], max_actors: int | None = None) -> dict:
    """Nodes and edges of `ties`; past `max_actors`, only the ties among the most documented
    actors (a graph of thousands of nodes is unreadable: pick an actor to see its part)."""
    data = _graph(ties, actors)
    total = len(data["nodes"])
    if max_actors is None or total <= max_actors:
        return {**data, "total_actors": total}
    keep = {n["id"] for n in sorted(data["nodes"], key=lambda n: (-n["documents"], n["id"]))[:max_actors]}
    kept = [t for t in ties if t["source"]["actor_id"] in keep and t["target"]["actor_id"] in keep]
    return {**_graph(kept, actors), "total_actors": total}


def _graph(ties: list[dict], actors: dict[str, dict]) -> dict:
    nodes: dict[str, dict] = {}
    edges = []
    for tie in ties:
        for end in (tie["source"], tie["target"]):
            known = actors.get(end["actor_id"], {})
            nodes.setdefault(end["actor_id"], {"id": end["actor_id"], "name": end["name"],
                                               "kind": known.get("kind"), "subkind": known.get("subkind"),
                                               "country": known.get("country"), "documents": known.get("documents", 0)})
        edges.append({"id": tie["id"], "source": tie["source"]["actor_id"], "target": tie["target"]["actor_id"],
                      "type": tie["type"], "negated": tie["negated"], "grade": tie["grade"],
                      "admiralty": tie["admiralty"], "disputed": tie["disputed"],
                      "independent_sources": tie["independent_sources"]})
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": edges}


@dual(router, "/claims", "claims", "Claims behind the facts; with `about`, those about or by an actor")
def claims(request: Request, about: Text = None):
    return respond(request, "claims.html", kb_of(request).claims(about=about), about=about)


@dual(router, "/merges", "merges", "Actor merges with their reasons and state")
def merges(request: Request):
    return respond(request, "merges.html", kb_of(request).merges())


# -- the dossier's timeline, laid out here so the page needs no script ---------------------------

WIDTH, LEFT, RIGHT = 900, 110, 20
ROWS = {"perpetrator": 30, "target": 60, "post": 90}


def timeline_points(dossier: dict) -> dict:
    roles = {e["id"]: "perpetrator" for e in dossier["events"]["perpetrator"]}
    roles.update({e["id"]: "target" for e in dossier["events"]["target"] if e["id"] not in roles})
    dated = [(_day(t["date"]), t) for t in dossier["timeline"]]
    dated = [(d, t) for d, t in dated if d]
    if not dated:
        return {"points": [], "ticks": [], "rows": ROWS, "width": WIDTH}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(LEFT + (day - first).days / span * (WIDTH - LEFT - RIGHT), 1)

    points = [{"x": x(d), "y": ROWS[roles.get(t["id"], "post") if t["kind"] == "event" else "post"],
               "date": t["date"], "what": t["what"], "id": t["id"], "kind": t["kind"], "grade": t["grade"]}
              for d, t in dated]
    ticks = [{"x": x(date(year, 1, 1)), "label": str(year)} for year in range(first.year + 1, last.year + 1)]
    return {"points": points, "ticks": ticks, "rows": ROWS, "width": WIDTH,
            "first": first.isoformat(), "last": last.isoformat()}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
