"""Quality gate: run a fast subset of the benchmarks and hold their figures to floors.

Every gated bench, its arguments, the data folders it reads and its gated figures live
in one file, ``bench/floors.json``. Each figure has the value it had when recorded, a
margin (with the reason for its size) and a bound: a ``floor`` (value - margin) for
figures where higher is better, a ``ceiling`` (value + margin) where higher is worse
(error rates). Speed figures are not gated: timings on shared machines are noise.

For each bench the gate runs ``bench/NAME.py ARGS --data DIR`` (or the entry's
``script``; no ``--data`` when ``takes_data`` is false) as a subprocess of this same
Python, from the repository root, parses the JSON object on the last line of its stdout
and compares. It fails (exit 1) when a figure is below its floor (or above its
ceiling), a bench exits non-zero or times out, its last line is not a JSON object, the
JSON lacks a gated figure, or a data folder the bench needs is absent: the gate never
skips a bench silently.

``--update`` raises the recorded value and the bound of every figure that improved
(floor = new value - margin, never lower than before; ceiling = new value + margin,
never higher than before); figures that fell are left alone. The floors rise when a
figure rises; only a person lowers one, by editing the file (and saying why in the
commit).

    python bench/gate.py                    # every bench in bench/floors.json
    python bench/gate.py --only te3,clean   # some of them
    python bench/gate.py --update           # raise the floors of the figures that rose
    python bench/gate.py --floors FILE --data DIR --jobs 1

Exit status: 0 all pass, 1 a figure failed or a bench failed, 2 bad usage or floors file.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FLOORS = HERE / "floors.json"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_TIMEOUT = 300  # seconds per bench: a hung bench fails instead of hanging CI
PRECISION = 4           # the benches round their figures to 4 decimals


class GateError(Exception):
    """The floors file is unusable (exit 2)."""


def load_floors(path: Path) -> dict:
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise GateError(f"cannot read floors file {path}: {err}") from err
    benches = spec.get("benches") if isinstance(spec, dict) else None
    if not isinstance(benches, dict) or not benches:
        raise GateError(f"{path}: no 'benches' object")
    for name, bench in benches.items():
        figures = bench.get("figures")
        if not isinstance(figures, dict) or not figures:
            raise GateError(f"{path}: bench {name!r} has no figures")
        for key, fig in figures.items():
            if ("floor" in fig) == ("ceiling" in fig):
                raise GateError(f"{path}: {name}.{key} needs exactly one of floor, ceiling")
            for field in ("value", "margin", "floor" if "floor" in fig else "ceiling"):
                if isinstance(fig.get(field), bool) or not isinstance(fig.get(field), (int, float)):
                    raise GateError(f"{path}: {name}.{key} lacks a numeric {field!r}")
    return spec


def last_json(stdout: str) -> dict | None:
    """The JSON object on the last non-empty stdout line, or None."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    if not lines:
        return None
    try:
        obj = json.loads(lines[-1])
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


def run_bench(name: str, bench: dict, data: Path, python: str = sys.executable) -> dict:
    """Run one bench; returns {"figures": dict | None, "error": str | None, "output",
    "wall", "cpu"} (cpu: user + system seconds of the bench and of the workers it waited for)."""
    missing = [d for d in bench.get("data", []) if not (data / d).exists()]
    if missing:
        return {"figures": None, "wall": 0.0, "cpu": 0.0, "output": "",
                "error": f"data missing under {data}: {', '.join(missing)}"}
    script = bench.get("script", f"{name}.py")
    script_path = Path(script) if Path(script).is_absolute() else HERE / script
    cmd = [python, str(script_path), *bench.get("args", [])]
    if bench.get("takes_data", True):
        cmd += ["--data", str(data)]
    timeout = bench.get("timeout", DEFAULT_TIMEOUT)
    timed_out = threading.Event()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        # its own process group, so that a timeout also ends the workers it started
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=stdout, stderr=stderr,
                                stdin=subprocess.DEVNULL, start_new_session=True)

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)   # wait4: this child's own CPU time
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        stdout.seek(0)
        stderr.seek(0)
        out_text = stdout.read().decode("utf-8", "replace")
        err_text = stderr.read().decode("utf-8", "replace")
    out = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "figures": None,
           "error": None, "output": err_text + out_text}
    if timed_out.is_set():
        out["error"] = f"timed out after {timeout} s"
    elif proc.returncode != 0:
        out["error"] = f"exited with status {proc.returncode}"
    elif (figures := last_json(out_text)) is None:
        out["error"] = "last stdout line is not a JSON object"
    else:
        out["figures"] = figures
    return out


def compare(bench: dict, figures: dict) -> list[dict]:
    """One row per gated figure: key, value, kind (floor/ceiling), bound, margin, ok, note."""
    rows = []
    for key, fig in bench["figures"].items():
        kind = "floor" if "floor" in fig else "ceiling"
        bound = fig[kind]
        value = figures.get(key)
        row = {"key": key, "value": value, "kind": kind, "bound": bound,
               "margin": fig["margin"], "ok": False, "note": ""}
        if value is None:
            row["note"] = "missing from the bench's JSON"
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            row["note"] = f"not a number: {value!r}"
        else:
            row["ok"] = value >= bound if kind == "floor" else value <= bound
        rows.append(row)
    return rows


def raise_floors(bench: dict, figures: dict) -> list[str]:
    """Move the recorded value and bound of every figure that improved; returns what moved.

    Never lowers a floor nor raises a ceiling; figures that fell are left as they are."""
    moved = []
    for key, fig in bench["figures"].items():
        value = figures.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if "floor" in fig:
            if value <= fig["value"]:
                continue
            new = round(value - fig["margin"], PRECISION)
            old, fig["value"] = fig["value"], value
            if new > fig["floor"]:
                moved.append(f"{key}: {old} -> {value}, floor {fig['floor']} -> {new}")
                fig["floor"] = new
            else:
                moved.append(f"{key}: {old} -> {value}, floor stays {fig['floor']}")
        else:
            if value >= fig["value"]:
                continue
            new = round(value + fig["margin"], PRECISION)
            old, fig["value"] = fig["value"], value
            if new < fig["ceiling"]:
                moved.append(f"{key}: {old} -> {value}, ceiling {fig['ceiling']} -> {new}")
                fig["ceiling"] = new
            else:
                moved.append(f"{key}: {old} -> {value}, ceiling stays {fig['ceiling']}")
    return moved


def _fmt(x) -> str:
    if isinstance(x, float):
        return f"{x:.4f}"
    return "-" if x is None else str(x)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--floors", type=Path, default=FLOORS, help="the floors file (bench/floors.json)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="benchmark data (default ../shared/data), passed to every bench")
    ap.add_argument("--only", default="", help="comma-separated bench names to run")
    ap.add_argument("--update", action="store_true",
                    help="raise the floors (lower the ceilings) of figures that improved")
    ap.add_argument("--jobs", type=int, default=2,
                    help="benches run at once (default 2); results print in the file's order")
    args = ap.parse_args(argv)
    try:
        spec = load_floors(args.floors)
    except GateError as err:
        print(f"gate: {err}", file=sys.stderr)
        return 2
    benches = spec["benches"]
    names = [n for n in args.only.split(",") if n] or list(benches)
    unknown = [n for n in names if n not in benches]
    if unknown:
        print(f"gate: not in {args.floors}: {', '.join(unknown)} (known: {', '.join(benches)})",
              file=sys.stderr)
        return 2
    if not args.data.is_dir():
        print(f"gate: FAIL: the benchmark data folder {args.data} does not exist")
        return 1

    failures, moved_any, total_cpu = 0, False, 0.0
    started = time.perf_counter()
    print(f"{'bench':10s} {'figure':26s} {'value':>8s} {'bound':>10s} {'margin':>7s}  result")
    print("-" * 72, flush=True)
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = {name: pool.submit(run_bench, name, benches[name], args.data) for name in names}
        for name in names:                      # reported in the file's order
            bench = benches[name]
            result = futures[name].result()
            total_cpu += result["cpu"]
            shown = " ".join([bench.get("script", f"{name}.py"), *bench.get("args", [])])
            print(f"{name:10s} bench/{shown}  ({result['wall']:.0f} s wall, "
                  f"{result['cpu']:.0f} s CPU: not gated)")
            if result["error"]:
                failures += 1
                print(f"{name:10s} {'(the bench)':26s} {'':>8s} {'':>10s} {'':>7s}  "
                      f"FAIL: {result['error']}")
                for line in (result.get("output") or "").strip().splitlines()[-15:]:
                    print(f"    | {line}")
                continue
            for row in compare(bench, result["figures"]):
                sign = ">=" if row["kind"] == "floor" else "<="
                verdict = "pass" if row["ok"] else "FAIL" + (f": {row['note']}" if row["note"] else "")
                failures += not row["ok"]
                print(f"{name:10s} {row['key']:26s} {_fmt(row['value']):>8s} "
                      f"{sign} {_fmt(row['bound']):>7s} {_fmt(row['margin']):>7s}  {verdict}")
            if args.update:
                for m in (moved := raise_floors(bench, result["figures"])):
                    print(f"{name:10s}   raised {m}")
                moved_any = moved_any or bool(moved)
            sys.stdout.flush()
    print("-" * 72)
    print(f"{len(names)} benches, {time.perf_counter() - started:.0f} s wall, {total_cpu:.0f} s CPU "
          f"({args.jobs} at once); " + ("all figures pass" if not failures else f"{failures} FAILED"))
    if args.update:
        if moved_any:
            args.floors.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
            print(f"floors raised in {args.floors}")
        else:
            print("no figure rose; floors unchanged")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
