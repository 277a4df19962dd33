"""The explorer against plain PyVis on synthetic graphs of 1,000 and 10,000 nodes, in one run.

For each size and page: HTML generation time (ours: layout + page; PyVis: ``Network.from_nx`` +
``generate_html`` with ``cdn_resources="in_line"``), file size, and in headless Chromium the time
from navigation to the first drawn canvas pixel and until the page answers a click on a node
(ours: the side panel shows the node; PyVis: the network's click handler has run). PyVis's CDN
requests (Bootstrap) are blocked and counted. Writes benchmarks/results/viz.md.

    python -m benchmarks.viz [--sizes 1000,10000] [--timeout 180]
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic_network import synthetic_network

RESULTS = Path(__file__).parent / "results" / "viz.md"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]

_DRAWN = """() => {
  const c = document.querySelector('canvas');
  if (!c || !c.width) return false;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < d.length; i += 4 * 7) if (d[i] !== 0) return true;
  return false;
}"""


def ours(graph, path: Path) -> float:
    from graph.viz import write_explorer

    t = time.perf_counter()
    write_explorer(graph, path, title=f"synthetic {graph.number_of_nodes()}")
    return time.perf_counter() - t


def plain_pyvis(graph, path: Path) -> float:
    from pyvis.network import Network

    t = time.perf_counter()
    simple = graph.copy()
    for _, data in simple.nodes(data=True):
        data["title"] = data["label"]
    for _, _, data in simple.edges(data=True):
        data["title"] = data["quote"]
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(simple)
    html = net.generate_html()
    path.write_text(html, encoding="utf-8")
    return time.perf_counter() - t


def measure_page(browser, path: Path, handle: str, timeout: float) -> dict:
    """Load the page and click a node: seconds to first draw and to the answered click."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked, errors = [], []
    own = path.resolve().as_uri()
    page.route("**/*", lambda r: r.continue_() if r.request.url == own else (blocked.append(r.request.url), r.abort()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    out = {"blocked": len(blocked), "draw": None, "click": None, "errors": errors}
    start = time.perf_counter()
    try:
        page.goto(own, timeout=timeout * 1000, wait_until="commit")
        page.wait_for_function(_DRAWN, polling=50, timeout=timeout * 1000)
        out["draw"] = time.perf_counter() - start
        # click the best-connected node until the page answers (PyVis fades a loading bar out
        # over the canvas after stabilising, and its physics keeps moving nodes)
        deadline = time.perf_counter() + timeout
        while True:
            point = page.evaluate(f"""() => {{
                const net = {handle};
                let best = null, deg = -1;
                for (const id of net.body.nodeIndices) {{
                    const d = net.getConnectedEdges(id).length; if (d > deg) {{ deg = d; best = id; }} }}
                const p = net.canvasToDOM(net.getPositions([best])[best]);
                if (window.__clicked === undefined) {{
                    window.__clicked = null;
                    net.on('click', (e) => {{ if (e.nodes.length) window.__clicked = e.nodes[0]; }});
                }}
                return {{id: best, x: p.x, y: p.y}};
            }}""")
            box = page.locator("canvas").first.bounding_box()
            page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
            try:
                page.wait_for_function(
                    "() => window.__clicked !== null && (!window.kg || window.kg.lastShown === window.__clicked)",
                    polling=10, timeout=5000)
                break
            except Exception:
                if time.perf_counter() > deadline:
                    raise
        out["click"] = time.perf_counter() - start
    except Exception as err:  # a timeout is a result, not a crash
        out["error"] = type(err).__name__
    out["blocked"] = len(blocked)
    page.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--timeout", type=float, default=180.0, help="Seconds to wait for a draw or a click.")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for size in [int(s) for s in args.sizes.split(",")]:
            graph = synthetic_network(size)
            for name, make, handle in (("explorer (ours)", ours, "kg.network"), ("plain PyVis", plain_pyvis, "network")):
                path = Path(tmp) / f"{name.split()[0]}-{size}.html"
                gen = make(graph, path)
                result = measure_page(browser, path, handle, args.timeout)
                rows.append((size, graph.number_of_edges(), name, gen, path.stat().st_size, result))
                print(size, name, f"gen {gen:.2f}s", f"{path.stat().st_size:,} B", result, flush=True)
        browser.close()

    def secs(value, result):
        if value is not None:
            return f"{value:.2f} s"
        return f"> {args.timeout:.0f} s ({result.get('error', 'no answer')})"

    lines = [
        "# Explorer vs plain PyVis on synthetic graphs",
        "",
        f"`python -m benchmarks.viz` on {platform.node() or 'this machine'} ({os.cpu_count()} CPUs), "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, Debian Chromium headless (software rendering), "
        f"one run. Timeout {args.timeout:.0f} s.",
        "",
        "| nodes | edges | page | HTML generation | file size | first draw | click answered | CDN requests blocked |",
        "|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size, edges, name, gen, nbytes, r in rows:
        lines.append(f"| {size:,} | {edges:,} | {name} | {gen:.2f} s | {nbytes / 1e6:.1f} MB | {secs(r['draw'], r)} | "
                     f"{secs(r['click'], r)} | {r['blocked']} |")
    lines += [
        "",
        "First draw: seconds from navigation until the canvas has its first drawn pixel. Click answered:",
        "seconds from navigation until a click on the best-connected node has been handled (ours: the",
        "side panel shows that node), clicking as soon as the graph is drawn.",
        "Ours computes the layout in Python above 300 nodes (Louvain communities, a spring layout each,",
        "placed by a spring layout of the communities) and starts with physics off; plain PyVis runs",
        "vis-network's physics stabilisation in the browser before it draws, and `from_nx` is quadratic.",
        "PyVis's Bootstrap CSS/JS tags (CDN) are blocked, as they would fail offline.",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
