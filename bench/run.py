#!/usr/bin/env python3
"""The benchmark of issue 6, in one run: `cioc check` on examples/rijksdienst
and on generated workspaces of the same shape at 10× and 100× its size plus
about a million lines; beside each, `python3 -c 'import json; json.load(...)'`
on the same model exported as JSON (`cioc export`); the language server's
edit-to-diagnostics latency on a 5,000-line file; the cold start of
`cioc check examples/rijksdienst`. Prints Markdown: the measurements and the
targets, each met or not. Usage: bench/run.py [CIOC] [--quick] (no million lines)."""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
args = [a for a in sys.argv[1:] if not a.startswith("--")]
cioc = os.path.abspath(args[0]) if args else os.path.join(root, "build", "compiler", "cioc")
quick = "--quick" in sys.argv
tmp = tempfile.mkdtemp()
PEILDATUM = "2025-06-01"


def cio_files(path):
    if os.path.isfile(path):
        return [path]
    return [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs if f.endswith(".cio")]


def size_of(path):
    files = cio_files(path)
    data = b"".join(open(f, "rb").read() for f in files)
    return len(data), data.count(b"\n"), len(files)


def timed(cmd, runs=3):
    """Best wall time of `runs` and the peak RSS (KiB) of the best run, via /usr/bin/time."""
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        rss = int(out.stderr.strip().splitlines()[-1])
        if best is None or wall < best[0]:
            best = (wall, rss)
    return best


def generate(name, *gen_args):
    path = os.path.join(tmp, name)
    subprocess.run([sys.executable, os.path.join(here, "generate.py"), *gen_args, path], check=True)
    return path


inputs = [("examples/rijksdienst (1×)", os.path.join(root, "examples", "rijksdienst"))]
# The shape of examples/rijksdienst: ministries of three dienstonderdelen and the Rijk level, whose
# councils count every ministry as member; 120 and 1,200 ministries are 10× and 100× its size.
inputs.append(("generated 10× (120 ministries)", generate("ws10", "--ministries", "120", "--units", "3", "--split", "--rijk")))
inputs.append(("generated 100× (1,200 ministries)", generate("ws100", "--ministries", "1200", "--units", "3", "--split", "--rijk")))
if not quick:
    inputs.append(("about 1 million lines (1,250 files)",
                   generate("ws1m", "--ministries", "1250", "--units", "50", "--split", "--rijk")))

rows = []
for label, path in inputs:
    size, lines, files = size_of(path)
    wall, rss = timed([cioc, "check", "--peildatum", PEILDATUM, "--max-meldingen", "0", path])
    model = os.path.join(tmp, "model.json")
    subprocess.run([cioc, "export", "--peildatum", PEILDATUM, "-o", model, path], check=True)
    jwall, jrss = timed([sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1]))", model])
    rows.append(dict(label=label, size=size, lines=lines, files=files, wall=wall, rss=rss,
                     json_size=os.path.getsize(model), json_wall=jwall))

lsp = json.loads(subprocess.run([sys.executable, os.path.join(here, "lsp_latency.py"), cioc, "100"],
                                check=True, capture_output=True, text=True).stdout)
cold = []
for _ in range(21):
    start = time.perf_counter()
    subprocess.run([cioc, "check", os.path.join(root, "examples", "rijksdienst")], stdout=subprocess.DEVNULL)
    cold.append((time.perf_counter() - start) * 1000)
cold_ms = statistics.median(cold)
shutil.rmtree(tmp)

print("| input | files | lines | size | `cioc check` | throughput | lines/s | peak RSS | RSS ÷ input "
      "| model JSON | `json.load` | check ÷ json.load |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    mb = r["size"] / 1e6
    print(f"| {r['label']} | {r['files']:,} | {r['lines']:,} | {mb:.2f} MB | {r['wall']:.3f} s | {mb / r['wall']:.1f} MB/s "
          f"| {r['lines'] / r['wall']:,.0f} | {r['rss'] / 1024:.0f} MiB | {r['rss'] * 1024 / r['size']:.1f}× "
          f"| {r['json_size'] / 1e6:.1f} MB | {r['json_wall']:.3f} s | {r['wall'] / r['json_wall']:.2f}× |")
print()
print(f"Language server, {lsp['lines']:,}-line file, {lsp['edits']} edits: p50 {lsp['p50_ms']} ms, p95 {lsp['p95_ms']} ms. "
      f"Cold `cioc check examples/rijksdienst`: median {cold_ms:.1f} ms of 21.")
print()

def verdict(ok):
    return "met" if ok else "**not met**"

big = rows[2] if len(rows) > 2 else rows[-1]
scale_1_10 = rows[1]["wall"] / rows[0]["wall"]
scale_10_100 = rows[2]["wall"] / rows[1]["wall"]
worst_json = max(r["wall"] / r["json_wall"] for r in rows)
worst_rss = max(r["rss"] * 1024 / r["size"] for r in rows[1:])
print("| target | measured | |")
print("| --- | --- | --- |")
print(f"| check ≤ 2× `json.load` of the same model | at most {worst_json:.2f}× | {verdict(worst_json <= 2)} |")
print(f"| 10× more input ≤ 11× more time | 1×→10×: {scale_1_10:.1f}×, 10×→100×: {scale_10_100:.1f}× "
      f"| {verdict(scale_1_10 <= 11 and scale_10_100 <= 11)} |")
print(f"| peak RSS ≤ 8× input size (10× and up) | up to {worst_rss:.1f}× | {verdict(worst_rss <= 8)} |")
print(f"| LSP p95 ≤ 20 ms | {lsp['p95_ms']} ms | {verdict(lsp['p95_ms'] <= 20)} |")
print(f"| cold check of examples/rijksdienst ≤ 30 ms | {cold_ms:.1f} ms | {verdict(cold_ms <= 30)} |")
