"""bench/gate.py: the quality gate's comparison and --update logic, on a fake bench
written into tmp_path (no real data, no real bench)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "bench" / "gate.py"
_spec = importlib.util.spec_from_file_location("bench_gate", _PATH)
gate = importlib.util.module_from_spec(_spec)
sys.modules["bench_gate"] = gate
_spec.loader.exec_module(gate)

# Prints a table, then its figures as the last line. Its arguments: a JSON object of
# figures, or "crash" / "garbage" / "hang"; the gate appends --data DIR.
FAKE = '''\
import json, sys, time
arg = sys.argv[1]
assert sys.argv[2] == "--data", sys.argv
print("figure   value")
if arg == "crash":
    raise RuntimeError("the bench broke")
if arg == "garbage":
    print("no JSON here")
    sys.exit(0)
if arg == "hang":
    time.sleep(30)
print(json.dumps({"bench": "fake", **json.loads(arg)}))
'''


@pytest.fixture
def setup(tmp_path):
    script = tmp_path / "fake.py"
    script.write_text(FAKE, encoding="utf-8")
    data = tmp_path / "data"
    (data / "corpus").mkdir(parents=True)
    floors = tmp_path / "floors.json"

    def write(figures: dict, output, **extra) -> Path:
        bench = {"script": str(script),
                 "args": [output if isinstance(output, str) else json.dumps(output)],
                 "data": ["corpus"], "figures": figures, **extra}
        floors.write_text(json.dumps({"benches": {"fake": bench}}), encoding="utf-8")
        return floors

    def run(*flags) -> int:
        return gate.main(["--floors", str(floors), "--data", str(data), *flags])

    return write, run, floors, data


def f1_floor(floor=0.8, value=0.81, margin=0.01):
    return {"f1": {"value": value, "margin": margin, "floor": floor, "why": "test"}}


def err_ceiling(ceiling=0.05, value=0.04, margin=0.01):
    return {"err": {"value": value, "margin": margin, "ceiling": ceiling, "why": "test"}}


def test_a_figure_above_its_floor_passes(setup, capsys):
    write, run, *_ = setup
    write(f1_floor(), {"f1": 0.85})
    assert run() == 0
    assert "pass" in capsys.readouterr().out


def test_a_figure_equal_to_its_floor_passes(setup):
    write, run, *_ = setup
    write(f1_floor(floor=0.8), {"f1": 0.8})
    assert run() == 0


def test_a_figure_below_its_floor_fails(setup, capsys):
    write, run, *_ = setup
    write(f1_floor(floor=0.8), {"f1": 0.7999})
    assert run() == 1
    assert "FAIL" in capsys.readouterr().out


def test_ceiling_figures_fail_above_and_pass_at_or_below(setup):
    write, run, *_ = setup
    write(err_ceiling(ceiling=0.05), {"err": 0.0501})
    assert run() == 1
    write(err_ceiling(ceiling=0.05), {"err": 0.05})
    assert run() == 0
    write(err_ceiling(ceiling=0.05), {"err": 0.0})
    assert run() == 0


def test_a_missing_figure_fails(setup, capsys):
    write, run, *_ = setup
    write({**f1_floor(), **err_ceiling()}, {"f1": 0.9})
    assert run() == 1
    assert "missing" in capsys.readouterr().out


def test_a_figure_that_is_not_a_number_fails(setup):
    write, run, *_ = setup
    write(f1_floor(), {"f1": "0.9"})
    assert run() == 1


def test_a_crashing_bench_fails_and_shows_its_error(setup, capsys):
    write, run, *_ = setup
    write(f1_floor(), "crash")
    assert run() == 1
    out = capsys.readouterr().out
    assert "exited with status 1" in out and "the bench broke" in out


def test_a_bench_without_a_json_last_line_fails(setup):
    write, run, *_ = setup
    write(f1_floor(), "garbage")
    assert run() == 1


def test_a_hung_bench_times_out_and_fails(setup, capsys):
    write, run, *_ = setup
    write(f1_floor(), "hang", timeout=1)
    assert run() == 1
    assert "timed out" in capsys.readouterr().out


def test_absent_data_fails_loudly_and_the_bench_is_not_run(setup, capsys):
    write, run, floors, data = setup
    write(f1_floor(), {"f1": 0.9})
    (data / "corpus").rmdir()
    assert run() == 1
    assert "data missing" in capsys.readouterr().out
    data.rmdir()
    assert run() == 1


def test_update_raises_a_floor_when_the_figure_rose(setup):
    write, run, floors, _ = setup
    write(f1_floor(floor=0.8, value=0.81, margin=0.01), {"f1": 0.85})
    assert run("--update") == 0
    fig = json.loads(floors.read_text())["benches"]["fake"]["figures"]["f1"]
    assert fig["value"] == 0.85 and fig["floor"] == 0.84 and fig["margin"] == 0.01
    assert fig["why"] == "test"


def test_update_never_lowers_a_floor(setup):
    write, run, floors, _ = setup
    write(f1_floor(floor=0.8, value=0.81), {"f1": 0.805})     # fell, still above the floor
    before = floors.read_text()
    assert run("--update") == 0
    assert floors.read_text() == before
    write(f1_floor(floor=0.8, value=0.81), {"f1": 0.7})       # fell below: fails, no change
    before = floors.read_text()
    assert run("--update") == 1
    assert floors.read_text() == before


def test_update_keeps_a_hand_set_floor_above_value_minus_margin(setup):
    write, run, floors, _ = setup
    write(f1_floor(floor=0.9, value=0.9, margin=0.05), {"f1": 0.92})
    assert run("--update") == 0
    fig = json.loads(floors.read_text())["benches"]["fake"]["figures"]["f1"]
    assert fig["value"] == 0.92 and fig["floor"] == 0.9        # 0.92 - 0.05 would lower it


def test_update_lowers_a_ceiling_only_when_the_error_fell(setup):
    write, run, floors, _ = setup
    write(err_ceiling(ceiling=0.05, value=0.04, margin=0.01), {"err": 0.02})
    assert run("--update") == 0
    fig = json.loads(floors.read_text())["benches"]["fake"]["figures"]["err"]
    assert fig["value"] == 0.02 and fig["ceiling"] == 0.03
    write(err_ceiling(ceiling=0.05, value=0.04, margin=0.01), {"err": 0.045})
    before = floors.read_text()
    assert run("--update") == 0
    assert floors.read_text() == before


def test_only_runs_the_named_bench(setup, capsys):
    write, run, floors, _ = setup
    write(f1_floor(), {"f1": 0.9})
    spec = json.loads(floors.read_text())
    spec["benches"]["broken"] = {**spec["benches"]["fake"], "args": ["crash"]}
    floors.write_text(json.dumps(spec))
    assert run() == 1
    assert run("--only", "fake") == 0
    assert run("--only", "nosuch") == 2


def test_a_malformed_floors_file_is_a_usage_error(setup):
    write, run, floors, _ = setup
    write({"f1": {"value": 0.8, "margin": 0.01}}, {"f1": 0.9})   # neither floor nor ceiling
    assert run() == 2
    floors.write_text("{not json")
    assert run() == 2


def test_the_shipped_floors_file_is_well_formed():
    spec = gate.load_floors(gate.FLOORS)
    for name, bench in spec["benches"].items():
        script = gate.HERE / bench.get("script", f"{name}.py")
        assert script.exists(), script
        for key, fig in bench["figures"].items():
            assert fig.get("why"), f"{name}.{key}: say why the margin is what it is"
            if "floor" in fig:
                assert fig["floor"] <= fig["value"], f"{name}.{key}"
            else:
                assert fig["ceiling"] >= fig["value"], f"{name}.{key}"
