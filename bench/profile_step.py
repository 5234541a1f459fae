"""Where a training step's time goes, at batch 10,000 on the same data as bench_train.py.

    python bench/profile_step.py DATA_DIR [--min-ratings 80] [--batches 20] [--out FILE]

Times, on the same 20 batches repeated, in milliseconds per step (median of 5 rounds):
the forward and backward passes (XLA-compiled, as training runs them), the row-wise Adam
update of both embedding tables with the fused kernel, the same update as XLA-compiled
TensorFlow ops, and Keras' dense Adam on both whole tables, which is what the original does.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit  # noqa: E402


def per_step_ms(fn, batches, rounds=5):
    "Median over `rounds` of the milliseconds per call of `fn` over `batches`."
    fn(*batches[0])
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for b in batches:
            out = fn(*b)
        if out is not None:
            _ = [t.numpy() for t in out] if isinstance(out, (list, tuple)) else out.numpy()
        times.append((time.perf_counter() - start) / len(batches) * 1e3)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir")
    ap.add_argument("--min-ratings", type=int, default=80)
    ap.add_argument("--batches", type=int, default=20)
    ap.add_argument("--out")
    args = ap.parse_args()

    import keras
    import tensorflow as tf
    from animerec.data import load_ratings
    from animerec.model import RecommenderNet, make_dataset
    from animerec.prepare import prepare
    from animerec.rowadam import row_adam_kernel

    p = prepare(load_ratings(args.data_dir), min_ratings=args.min_ratings, test_size=1000, seed=43)
    r = p.ratings
    cols = [r[c].to_numpy()[p.train] for c in ("user", "anime", "target")]
    ds = make_dataset(*cols, batch_size=10_000, seed=1, grouped=True)
    batches = [b for _, b in zip(range(args.batches), ds)]
    model = RecommenderNet(len(p.users), len(p.animes))
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(1e-3))
    kernel = row_adam_kernel()
    if kernel is None:
        sys.exit("the row-wise Adam kernel cannot be built here: nothing to compare")
    model.use_row_adam(kernel)
    index, fused = [i for i, _ in model._lazy], [s for _, s in model._lazy]
    plain = [type(s)(s.table, kernel=None) for s in fused]

    def gradients(data, y):
        return model._gradients(data[0], y)[0]

    grads = [model._gradients(data[0], y)[2] for data, y in batches]
    inputs = [(data[1], g) for (data, _), g in zip(batches, grads)]

    def rows(slots):
        def step(groups, g):
            for s, (rows_, positions), i in zip(slots, groups, index):
                s.apply(g[i], rows_, positions, 1e-3, 1)
        return step

    dense_tables = [keras.Variable(s.table.numpy()) for s in fused]
    dense_adam = keras.optimizers.Adam(1e-3)
    dense_adam.build(dense_tables)

    @tf.function
    def dense(groups, g):
        full = [tf.convert_to_tensor(tf.IndexedSlices(tf.reshape(g[i], (-1, t.shape[1])),
                                                      tf.gather(tf.reshape(rows_, (-1,)), tf.reshape(pos, (-1,))),
                                                      tf.shape(t.value, out_type=tf.int64)))
                for t, (rows_, pos), i in zip(dense_tables, groups, index)]
        dense_adam.apply(full, dense_tables)

    result = {"data_dir": args.data_dir, "batch_size": 10_000, "batches": args.batches,
              "distinct_rows_per_batch": {"users": int(batches[0][0][1][0][0].shape[0]),
                                          "anime": int(batches[0][0][1][1][0].shape[0])},
              "ms_per_step": {
                  "forward_backward_xla": per_step_ms(gradients, batches),
                  "row_adam_kernel": per_step_ms(rows(fused), inputs),
                  "row_adam_xla_ops": per_step_ms(rows(plain), inputs),
                  "keras_dense_adam_whole_tables": per_step_ms(dense, inputs)}}
    emit(result, args.out)


if __name__ == "__main__":
    main()
