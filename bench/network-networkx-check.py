#!/usr/bin/env python3
"""Checks a metrics.json written by `convene network-metrics` against NetworkX (issue 7).

Usage: python3 bench/network-networkx-check.py people.csv ties.csv metrics.json
Needs NetworkX (apt-get install -y python3-networkx). Pure Python: keep to a few thousand people
(3,000 people and 4,500 ties take about 15 s). Compares people, ties, density, components and the
largest, the E-I index over sectors, the average reach (others within two steps) and the listed
betweenness scores (ids and values) with nx.betweenness_centrality(G, normalized=True), exact.
For an approximate metrics.json it prints the errors of the listed scores instead of failing.
Exits 1 if an exact figure differs by more than 1e-9.
"""
import csv
import json
import sys

import networkx as nx


def main(people_path, ties_path, metrics_path):
    g = nx.Graph()
    sector = {}
    with open(people_path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            person = row["id"].strip()
            g.add_node(person)
            sector[person] = row["sector"].strip()
    with open(ties_path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            a, b = row["a"].strip(), row["b"].strip()
            if a != b:
                g.add_edge(a, b)
    m = json.load(open(metrics_path, encoding="utf-8"))
    n = g.number_of_nodes()
    cross = sum(1 for a, b in g.edges() if sector[a] != sector[b])
    internal = g.number_of_edges() - cross
    components = list(nx.connected_components(g))
    reach = sum(len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1 for v in g) / n if n else 0
    expected = {
        "people": n,
        "ties": g.number_of_edges(),
        "density": nx.density(g),
        "components": len(components),
        "largest_component": max((len(c) for c in components), default=0),
        "ei_index": (cross - internal) / (cross + internal) if cross + internal else None,
        "cross_sector_ties": cross,
        "average_reach": reach,
    }
    bad = 0
    for key, value in expected.items():
        got = m[key]
        same = got == value if value is None or got is None else abs(got - value) <= 1e-9
        bad += not same
        print(f"{key}: ours {got}, NetworkX {value}{'' if same else '  <-- differs'}")
    bc = nx.betweenness_centrality(g, normalized=True)
    top = sorted(bc.items(), key=lambda kv: (-kv[1], kv[0]))[: len(m["betweenness_top"])]
    listed = m["betweenness_top"]
    errors = [abs(bc[e["id"]] - e["score"]) for e in listed]
    overlap = len({e["id"] for e in listed} & {p for p, _ in top})
    print(f"betweenness ({m['betweenness_method']}): top {len(listed)} overlap with NetworkX {overlap}, "
          f"same order {[e['id'] for e in listed] == [p for p, _ in top]}, largest error of a listed score {max(errors, default=0):.3g}")
    if m["betweenness_method"] == "exact" and (max(errors, default=0) > 1e-9 or overlap != len(listed)):
        bad += 1
        print("  <-- exact betweenness differs")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
