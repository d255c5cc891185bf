"""Speed: the median page load on the demo store (in the browser: navigation start to the
load event) under 200 ms, and an actor dossier on a store of 10,000 documents under
500 ms. The figures are printed (`make bench-web` runs this file with -s).
CLAIMGRAPH_BENCH_DOCS sets the size of the large store (default 10,000)."""

from __future__ import annotations

import os
import statistics
import time

import httpx
import pytest

from tests.web.bigstore import build_big_store
from tests.web.conftest import LiveServer, make_app
from tests.web.test_browser import PAGES

BIG = int(os.environ.get("CLAIMGRAPH_BENCH_DOCS", "10000"))
ROUNDS = 3


@pytest.mark.browser
def test_median_page_load_on_the_demo_store(watched, live_demo):
    page = watched.page
    timings: dict[str, list[float]] = {}
    for _ in range(ROUNDS):
        for name, path in PAGES.items():
            page.goto(live_demo.url + path, wait_until="load")
            took = page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }")
            timings.setdefault(name, []).append(took)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    overall = statistics.median(v for values in timings.values() for v in values)
    print("\npage load (ms, median of %d): " % ROUNDS + ", ".join(f"{k} {v:.0f}" for k, v in medians.items()))
    print(f"median page load on the demo store: {overall:.0f} ms")
    assert overall < 200


@pytest.mark.slow
def test_dossier_network_and_events_on_a_store_of_10000_documents(demo_url, tmp_path):
    url = f"sqlite:///{tmp_path / 'big.sqlite'}"
    started = time.perf_counter()
    counts = build_big_store(demo_url, url, BIG)
    built = time.perf_counter() - started
    assert counts["documents"] == BIG
    with LiveServer(make_app(url)) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        figures = {}
        for path in ("/actors/islamic-state", "/actors/islamic-state.json", "/actors/quds-force", "/network.json",
                     "/events.json"):
            http.get(path).raise_for_status()  # warm
            runs = []
            for _ in range(5):
                t0 = time.perf_counter()
                response = http.get(path)
                runs.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200
            figures[path] = statistics.median(runs)
        ties = len(http.get("/actors/islamic-state.json").json()["ties"])
    print(f"\nstore of {BIG} documents built in {built:.0f} s ({counts['events']} events, {counts['claims']} claims)")
    print("dossier, network and events (ms, median of 5): " + ", ".join(f"{k} {v:.0f}" for k, v in figures.items()) + f"; {ties} ties")
    assert max(figures.values()) < 500
