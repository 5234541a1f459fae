"""`animerec evaluate`: the JSON layout on a small sample, and the quality targets on mal-5k."""
import json
import subprocess
import sys
from pathlib import Path


EXE = str(Path(sys.executable).parent / "animerec")
RATING_KEYS, RANKING_KEYS = {"rmse", "mae"}, {"precision@10", "recall@10", "ndcg@10"}


def evaluate(data_dir, out, *extra):
    done = subprocess.run([EXE, "evaluate", "--data-dir", str(data_dir), "--json", str(out), *extra],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(Path(out).read_text())


def test_layout_on_the_sample(sample_dir, tmp_path):
    result = evaluate(sample_dir, tmp_path / "out.json", "--min-ratings", "30", "--epochs", "2")
    models = result["models"]
    for name in ("global_mean", "biases", "item_knn", "knn_blend"):
        assert RATING_KEYS <= set(models[name]), name
    for name in ("popularity", "ease", "hybrid", "recommender_net_negatives"):
        assert RANKING_KEYS <= set(models[name]), name
    assert RATING_KEYS | RANKING_KEYS <= set(models["recommender_net"])
    assert models["biases"]["rmse"] < models["global_mean"]["rmse"]
    assert models["knn_blend"]["rmse"] <= models["item_knn"]["rmse"] + 0.02
    assert all(0 <= models[m]["ndcg@10"] <= 1 for m in ("popularity", "ease", "hybrid", "recommender_net"))
    again = evaluate(sample_dir, tmp_path / "again.json", "--min-ratings", "30", "--epochs", "2")
    assert again["models"]["ease"] == models["ease"] and again["models"]["knn_blend"] == models["knn_blend"]


def test_bad_data_dir_is_one_line(tmp_path):
    done = subprocess.run([EXE, "evaluate", "--data-dir", str(tmp_path / "nope"), "--json", str(tmp_path / "o.json")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_targets_on_mal5k(mal5k, tmp_path):
    "SPEC targets: the best rating model below 1.13 RMSE, the best ranker above 0.41 NDCG@10."
    models = evaluate(mal5k, tmp_path / "mal.json", "--epochs", "5")["models"]
    assert abs(models["global_mean"]["rmse"] - 1.579) < 0.01 and abs(models["popularity"]["ndcg@10"] - 0.150) < 0.01
    assert models["knn_blend"]["rmse"] < 1.13
    assert models["ease"]["ndcg@10"] > 0.42
    assert models["hybrid"]["ndcg@10"] > models["popularity"]["ndcg@10"]
