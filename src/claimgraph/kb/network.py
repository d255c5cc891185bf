"""The tie network around an actor (networkx): neighbours to a depth, brokers
(betweenness), centrality."""

from __future__ import annotations

import networkx as nx

BROKERS = 10


def tie_graph(relations: list[dict], actors: dict[str, dict]) -> nx.MultiDiGraph:
    """Actors as nodes, every relation fact that is not a denial as an edge."""
    graph = nx.MultiDiGraph()
    for fact in relations:
        if fact["negated"]:
            continue
        for end in (fact["source"], fact["target"]):
            actor = actors.get(end["actor_id"], {})
            graph.add_node(end["actor_id"], name=end["name"], kind=actor.get("kind") or "other",
                           subkind=actor.get("subkind") or "", country=actor.get("country") or "")
        graph.add_edge(fact["source"]["actor_id"], fact["target"]["actor_id"], key=fact["id"], id=fact["id"],
                       type=fact["type"], grade=fact["grade"], admiralty=fact["admiralty"],
                       independent_sources=fact["independent_sources"], disputed=fact["disputed"])
    return graph


def neighbourhood(graph: nx.MultiDiGraph, center: str, depth: int) -> dict:
    if center not in graph:
        return {"center": center, "depth": depth, "nodes": [], "edges": [], "brokers": [], "centrality": {}}
    simple = nx.Graph(graph.to_undirected())
    near = nx.ego_graph(simple, center, radius=depth)
    degree = nx.degree_centrality(near) if len(near) > 1 else {center: 0.0}
    between = nx.betweenness_centrality(near, normalized=True)
    nodes = [{"id": n, **graph.nodes[n], "distance": d, "degree_centrality": round(degree[n], 4),
              "betweenness": round(between[n], 4)}
             for n, d in sorted(nx.single_source_shortest_path_length(near, center).items(), key=lambda x: (x[1], x[0]))]
    edges = [{"source": u, "target": v, **{k: data[k] for k in ("id", "type", "grade", "admiralty",
                                                              "independent_sources", "disputed")}}
             for u, v, data in sorted(graph.subgraph(near.nodes).edges(data=True), key=lambda e: e[2]["id"])]
    brokers = [n for n, b in sorted(between.items(), key=lambda x: (-x[1], x[0])) if b > 0][:BROKERS]
    return {"center": center, "depth": depth, "nodes": nodes, "edges": edges, "brokers": brokers,
            "centrality": {n: round(c, 4) for n, c in sorted(degree.items())}}
