"""The model stage: reproducibility, distribution, artifacts and the train command."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from animerec.data import load_ratings
from animerec.model import TrainConfig, load_artifacts, train
from animerec.prepare import prepare

FAST = dict(epochs=3, batch_size=500, progress=False)


@pytest.fixture(scope="module")
def prepared(sample_dir):
    return prepare(load_ratings(sample_dir), min_ratings=30, test_size=500, seed=3)


def test_same_seed_same_validation_loss(prepared):
    a = train(prepared, TrainConfig(**FAST, seed=11)).history["val_loss"].to_numpy()
    b = train(prepared, TrainConfig(**FAST, seed=11)).history["val_loss"].to_numpy()
    c = train(prepared, TrainConfig(**FAST, seed=12)).history["val_loss"].to_numpy()
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


MIRRORED = textwrap.dedent("""
    import json, sys
    import tensorflow as tf
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    from animerec.data import load_ratings
    from animerec.model import TrainConfig, train
    from animerec.prepare import prepare
    p = prepare(load_ratings(sys.argv[1]), min_ratings=30, test_size=500, seed=3)
    out = {}
    for strategy in ("default", "mirrored"):
        t = train(p, TrainConfig(epochs=3, batch_size=1000, optimizer="adam", strategy=strategy,
                                 progress=False, seed=5))
        out[strategy] = t.history["val_loss"].tolist()
    out["replicas"] = tf.distribute.MirroredStrategy().num_replicas_in_sync
    print(json.dumps(out))
""")


def test_mirrored_strategy_matches_single_device(sample_dir):
    done = subprocess.run([sys.executable, "-c", MIRRORED, str(sample_dir)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["replicas"] == 2
    single, mirrored = np.array(out["default"]), np.array(out["mirrored"])
    assert mirrored[-1] < mirrored[0]                      # it trains
    np.testing.assert_allclose(mirrored, single, atol=0.01)


def test_train_command_writes_loadable_artifacts(sample_dir, tmp_path):
    exe = Path(sys.executable).parent / "animerec"
    done = subprocess.run([exe, "train", "--data-dir", sample_dir, "--artifacts", tmp_path / "art",
                           "-p", "epochs", "2", "-p", "min_ratings", "30", "-p", "progress", "false"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout)
    assert summary["epochs_run"] == 2 and summary["params"]["min_ratings"] == 30
    trained = load_artifacts(tmp_path / "art")
    assert trained.config.epochs == 2 and len(trained.history) == 2
    assert (tmp_path / "art" / "training_curves.png").stat().st_size > 10_000


@pytest.mark.parametrize("args, message", [
    (["-p", "epoch", "2"], "unknown parameter 'epoch'; valid parameters:"),
    (["-p", "epochs", "two"], "parameter 'epochs' expects int (default 20), got 'two'"),
    (["-p", "schedule", "fast"], "schedule='fast' is not one of ('default', 'original')"),
    (["-p", "min_ratings", "100000"], "no user has at least min_ratings=100000 ratings"),
])
def test_train_command_rejects_bad_parameters(sample_dir, tmp_path, args, message):
    exe = Path(sys.executable).parent / "animerec"
    done = subprocess.run([exe, "train", "--data-dir", sample_dir, "--artifacts", tmp_path / "art", *args],
                          capture_output=True, text=True)
    assert done.returncode == 2 and message in done.stderr, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and not (tmp_path / "art").exists()


def test_interrupted_save_leaves_previous_artifacts(prepared, tmp_path, monkeypatch):
    from animerec import model as m
    trained = train(prepared, TrainConfig(**FAST))
    m.save_artifacts(trained, tmp_path / "art")
    before = (tmp_path / "art" / "fingerprint.txt").read_text()

    def crash(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(m, "plot_history", crash)
    with pytest.raises(KeyboardInterrupt):
        m.save_artifacts(trained, tmp_path / "art")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["art"]      # no half-written folder
    assert (tmp_path / "art" / "fingerprint.txt").read_text() == before
    assert load_artifacts(tmp_path / "art").fingerprint == before.strip()


def test_default_preset_trains_on_mal5k(mal5k):
    "SPEC: the defaults must learn on real data, where the original stays at chance."
    from animerec.model import rating_errors
    prepared = prepare(load_ratings(mal5k), min_ratings=20, split="random", test_frac=0.2, seed=42)
    trained = train(prepared, TrainConfig(epochs=5, progress=False))
    loss = trained.history["val_loss"].to_numpy()
    errors = rating_errors(trained, prepared)
    assert loss.min() < loss[0] - 0.01
    assert errors["model"]["rmse"] < errors["global_mean"]["rmse"] - 0.15, errors


def test_row_kernel_builds_where_a_compiler_is():
    import os
    import shutil
    from animerec.rowadam import build_kernel, row_adam_kernel
    if shutil.which(os.environ.get("CXX", "c++")) is None:
        pytest.skip("no C++ compiler here: training uses the XLA row update")
    assert build_kernel().suffix == ".so"
    assert row_adam_kernel() is not None


def test_kernel_and_tensorflow_ops_train_alike(prepared, monkeypatch):
    from animerec import rowadam
    if rowadam.row_adam_kernel() is None:
        pytest.skip("the kernel cannot be built here")
    tables = ("user_embedding", "anime_embedding")
    fused = train(prepared, TrainConfig(**FAST, seed=4))
    monkeypatch.setitem(rowadam._loaded, "op", None)
    plain = train(prepared, TrainConfig(**FAST, seed=4))
    for name in tables:
        a, b = (t.model.get_layer(name).embeddings.numpy() for t in (fused, plain))
        assert np.abs(a).max() > 0.05                                   # they trained
        np.testing.assert_allclose(a, b, atol=2e-5)                     # the same way
    # the dense bias before batch normalisation has a zero gradient up to rounding, which
    # Adam scales up to full steps; the validation loss therefore agrees less closely
    np.testing.assert_allclose(fused.history["val_loss"], plain.history["val_loss"], rtol=0.01)


def test_missing_compiler_falls_back_with_a_warning(monkeypatch, tmp_path, caplog):
    from animerec import rowadam
    monkeypatch.setenv("CXX", "no-such-c++")
    monkeypatch.setenv("ANIMEREC_KERNEL_DIR", str(tmp_path))
    with pytest.raises(RuntimeError, match="'no-such-c\\+\\+' is not on PATH"):
        rowadam.build_kernel()
    monkeypatch.setattr(rowadam, "_loaded", {})
    with caplog.at_level("WARNING", logger="animerec.rowadam"):
        assert rowadam.row_adam_kernel() is None
    assert "XLA-compiled TensorFlow ops" in caplog.text and "not on PATH" in caplog.text
