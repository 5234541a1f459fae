"""Training throughput against the yardstick: rows per second over whole epochs, same data.

    python bench/bench_train.py DATA_DIR [--min-ratings 80] [--epochs 2] [--out FILE]
    python bench/bench_train.py DATA_DIR --min-ratings 400 --epochs 1 --only animerec   # peak memory at scale

Runs the yardstick's full pipeline with `--epochs E`, then animerec's `train` with batch
10,000 and the same number of epochs: with row-wise Adam (`lazy_adam`, the default) and
its fused kernel, with row-wise Adam as XLA-compiled TensorFlow ops (the fallback where
no C++ compiler is found), and with Keras' dense Adam; each in its own process under
`/usr/bin/time -v`. The kernel is built before the timed runs, as on any machine after
its first training run.
Seconds cover building and fitting the model and reloading the best weights, as the
yardstick's `train` stage does. Prints one JSON object with the figures and the ratios.
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import YARDSTICK, emit, timed  # noqa: E402


def child(args):
    "Train with animerec in this process and print the figures."
    from animerec.config import TrainConfig
    from animerec.data import load_ratings
    from animerec.model import rating_errors, train
    from animerec.prepare import prepare
    prepared = prepare(load_ratings(args.data_dir), min_ratings=args.min_ratings, test_size=1000, seed=43)
    config = TrainConfig(batch_size=10_000, epochs=args.epochs, optimizer=args.optimizer,
                         patience=args.epochs, progress=False)
    start = time.perf_counter()
    trained = train(prepared, config)
    seconds = time.perf_counter() - start
    epochs = len(trained.history)
    print(json.dumps({"rows": len(prepared.train), "epochs_run": epochs, "train_s": seconds,
                      "rows_per_s": len(prepared.train) * epochs / seconds,
                      "val_loss": trained.history["val_loss"].tolist(),
                      "rmse_1to10": rating_errors(trained, prepared)["model"]["rmse"]}))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir")
    ap.add_argument("--min-ratings", type=int, default=80)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--only", choices=["animerec"], help="skip the yardstick and dense Adam")
    ap.add_argument("--optimizer", default="lazy_adam", help=argparse.SUPPRESS)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.child:
        return child(args)

    py, result = sys.executable, {"data_dir": args.data_dir, "min_ratings": args.min_ratings}
    me = [py, __file__, args.data_dir, "--min-ratings", str(args.min_ratings), "--epochs",
          str(args.epochs), "--child"]
    from animerec.rowadam import build_kernel
    build_kernel()   # compiled once per machine and cached, not part of a training run
    if args.only is None:
        yard, yard_gb = timed([py, str(YARDSTICK), args.data_dir, "--min-ratings",
                               str(args.min_ratings), "--epochs", str(args.epochs), "--users", "1"])
        rows = yard["rows"] - 1000
        result["yardstick"] = {"rows": rows, "epochs_run": yard["epochs_run"],
                               "train_s": yard["timings_s"]["train"], "peak_gb": yard_gb,
                               "rows_per_s": rows * yard["epochs_run"] / yard["timings_s"]["train"],
                               "best_val_loss": yard["best_val_loss"], "rmse_1to10": yard["rmse_1to10"]}
        dense, dense_gb = timed(me + ["--optimizer", "adam"])
        result["animerec_dense_adam"] = {**dense, "peak_gb": dense_gb}
        xla, xla_gb = timed(me, env={"ANIMEREC_ROW_KERNEL": "0"})
        result["animerec_row_adam_xla_ops"] = {**xla, "peak_gb": xla_gb}
    lazy, lazy_gb = timed(me)
    result["animerec"] = {**lazy, "peak_gb": lazy_gb}
    if args.only is None:
        y = result["yardstick"]
        result["ratios"] = {"throughput_vs_yardstick": lazy["rows_per_s"] / y["rows_per_s"],
                            "dense_adam_vs_yardstick": dense["rows_per_s"] / y["rows_per_s"],
                            "row_adam_xla_ops_vs_yardstick": xla["rows_per_s"] / y["rows_per_s"],
                            "val_loss_at_same_epoch": [lazy["val_loss"][y["epochs_run"] - 1],
                                                       y["best_val_loss"]]}
    emit(result, args.out)


if __name__ == "__main__":
    main()
