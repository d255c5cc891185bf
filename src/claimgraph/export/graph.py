"""Actors and their ties as a graph for Gephi and friends: GraphML or GEXF. Every
attribute is a plain string, number or boolean (both formats require it)."""

from __future__ import annotations

import io
from typing import IO

import networkx as nx

ALL = 10_000_000


def tie_network(kb) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name="claimgraph ties")
    for actor in kb.actors(limit=ALL, everyone=True):
        graph.add_node(actor["actor_id"], label=actor["name"], kind=actor["kind"], subkind=actor["subkind"] or "",
                       country=actor["country"] or "", provisional=bool(actor["provisional"]),
                       documents=int(actor["documents"]), mentions=int(actor["mentions"]))
    for fact in kb.relations():
        for end in (fact["source"], fact["target"]):
            if end["actor_id"] not in graph:  # a place or other non-actor named in a tie
                graph.add_node(end["actor_id"], label=end["name"], kind="other", subkind="", country="",
                               provisional=True, documents=0, mentions=0)
        graph.add_edge(fact["source"]["actor_id"], fact["target"]["actor_id"], key=fact["id"], id=fact["id"],
                       type=fact["type"], label=fact["type"], negated=bool(fact["negated"]), grade=int(fact["grade"]),
                       admiralty=fact["admiralty"], independent_sources=int(fact["independent_sources"]),
                       disputed=bool(fact["disputed"]), documents=len(fact["documents"]),
                       reasons="; ".join(fact["grade_reasons"]))
    return graph


def write_graph(kb, fmt: str, out: IO[str]) -> dict:
    graph = tie_network(kb)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8")
    out.write(buffer.getvalue().decode("utf-8"))
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
