#!/usr/bin/python3
"""Reads a Claimtrack export with networkx and prints what it found as JSON on stdout.

    /usr/bin/python3 networkx_read.py graphml|gexf|json FILE

Run with Debian's python3-networkx (2.8.8): the reader the exports promise to satisfy. The output
holds every node with its attributes and every edge as [source, target, key, attributes], so
the e2e suite can compare them with the database (networkx silently adds a node for an edge
whose end is missing: compare counts, not just lookups).
"""
import json
import sys

import networkx as nx


def read(kind, path):
    if kind == "graphml":
        return nx.read_graphml(path)
    if kind == "gexf":
        return nx.read_gexf(path)
    if kind == "json":
        with open(path, encoding="utf-8") as f:
            # networkx 2.8 reads "links" by default; 3.6 needs edges="links".
            return nx.node_link_graph(json.load(f))
    raise SystemExit(f"unknown kind {kind}")


def main():
    kind, path = sys.argv[1], sys.argv[2]
    graph = read(kind, path)
    if graph.is_multigraph():
        edges = [[u, v, k, d] for u, v, k, d in graph.edges(keys=True, data=True)]
    else:
        edges = [[u, v, None, d] for u, v, d in graph.edges(data=True)]
    json.dump(
        {
            "networkx": nx.__version__,
            "directed": graph.is_directed(),
            "graph": graph.graph,
            "nodes": {n: d for n, d in graph.nodes(data=True)},
            "edges": edges,
        },
        sys.stdout,
        default=str,
    )


main()
