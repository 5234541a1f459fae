"""The master notebook through papermill and `animerec run`: outputs, index rows, failures."""
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from animerec.report import master_notebook, master_parameters

FAST = ["-p", "epochs", "2", "-p", "batch_size", "256", "-p", "min_ratings", "30", "-p", "progress", "false", "-p", "n_users", "2"]


def run(*args, cwd=None):
    exe = str(Path(sys.executable).parent / "animerec")
    return subprocess.run([exe, "run", "--quiet", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_first_code_cell_is_the_tagged_parameters_cell():
    nb = nbformat.read(master_notebook(), as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "parameters" in first.metadata.get("tags", [])
    params = master_parameters()
    assert all(f"{name}:" in first.source for name in params)     # every one annotated
    assert all("#" in line for line in first.source.splitlines() if line.strip())   # and commented


def test_two_runs_write_outputs_and_two_index_rows(sample_dir, tmp_path):
    first = run("--data-dir", sample_dir, "--out", tmp_path / "a", *FAST)
    assert first.returncode == 0, first.stderr[-3000:]
    out = tmp_path / "a"
    for name in ("run.ipynb", "run.html", "metrics.json", "training_curves.png", "recommendations.csv",
                 "recommendations.md", "wordcloud.png", "artifacts"):
        assert (out / name).exists(), name
    metrics = json.loads((out / "metrics.json").read_text())
    m = metrics["metrics"]
    assert m["epochs_run"] == 2 and 0 < m["best_val_loss"] < 0.7
    assert m["validation"]["model"]["rmse"] < m["validation"]["global_mean"]["rmse"]
    assert metrics["params"]["epochs"] == 2 and metrics["data"]["fingerprint"]
    assert {"load_prepare", "train", "recommend"} <= set(metrics["timings_s"]) and "tensorflow" in metrics["versions"]
    assert (out / "recommendations.csv").read_text().count("\n") == 2 * 10 + 1
    second = run("--data-dir", sample_dir, "--out", tmp_path / "b", *FAST, "-p", "embedding_size", "16")
    assert second.returncode == 0, second.stderr[-3000:]
    rows = [l for l in (tmp_path / "index.md").read_text().splitlines() if l.startswith("| [")]
    assert len(rows) == 2 and "embedding_size=16" in rows[1] and "embedding_size" not in rows[0]


@pytest.mark.parametrize("args, message", [
    (["-p", "epoch", "2"], "unknown parameter 'epoch'; valid parameters:"),
    (["-p", "epochs", "two"], "parameter 'epochs' expects int (default 20), got 'two'"),
    (["-p", "optimizer", "sgd"], "optimizer='sgd' is not one of"),
])
def test_bad_parameters_stop_before_running(tmp_path, args, message):
    done = run("--out", tmp_path / "x", *args)
    assert done.returncode == 2 and message in done.stderr and not (tmp_path / "x").exists()


def test_failing_run_keeps_the_executed_notebook(sample_dir, tmp_path):
    done = run("--data-dir", sample_dir, "--out", tmp_path / "bad", *FAST, "-p", "min_ratings", "100000")
    assert done.returncode == 2
    assert "the run failed in cell" in done.stderr and "no user has at least min_ratings=100000" in done.stderr
    nb = nbformat.read(tmp_path / "bad" / "run.ipynb", as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors and errors[0].ename == "ValueError"
    assert not (tmp_path / "index.md").exists()
