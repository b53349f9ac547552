#!/usr/bin/python3
"""Times igraph's exact betweenness on the files of `convene network-metrics` and compares scores (issue 7).

Usage: /usr/bin/python3 bench/network-igraph-time.py people.csv ties.csv [metrics.json] [REPEATS]
Needs igraph's Python binding (apt-get install -y --no-install-recommends python3-igraph; Debian's
python3, hence /usr/bin/python3). igraph computes betweenness in C on one thread. Its undirected
scores count each pair once; divided by (n-1)(n-2)/2 they are NetworkX's normalised scores.
With a metrics.json from an exact run, prints the largest difference of the listed scores.
"""
import csv
import json
import sys
import time

import igraph


def main(people_path, ties_path, metrics_path=None, repeats="3"):
    index = {}
    with open(people_path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            index[row["id"].strip()] = len(index)
    edges = set()
    with open(ties_path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            a, b = index[row["a"].strip()], index[row["b"].strip()]
            if a != b:
                edges.add((min(a, b), max(a, b)))
    n = len(index)
    g = igraph.Graph(n=n, edges=sorted(edges), directed=False)
    print(f"igraph {igraph.__version__}: {n} people, {g.ecount()} ties")
    scores = None
    for run in range(int(repeats)):
        start = time.process_time()
        wall = time.perf_counter()
        scores = g.betweenness(directed=False)
        print(f"run {run + 1}: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - start:.2f} s CPU")
    divisor = (n - 1) * (n - 2) / 2
    if metrics_path:
        ids = {v: k for k, v in index.items()}
        m = json.load(open(metrics_path, encoding="utf-8"))
        diff = max(abs(scores[index[e["id"]]] / divisor - e["score"]) for e in m["betweenness_top"])
        top = sorted(range(n), key=lambda v: (-scores[v], ids[v]))[: len(m["betweenness_top"])]
        overlap = len({ids[v] for v in top} & {e["id"] for e in m["betweenness_top"]})
        print(f"listed scores ({m['betweenness_method']}): largest difference from igraph {diff:.3g}, top overlap {overlap}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
