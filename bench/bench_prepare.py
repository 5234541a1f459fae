"""Data stage against the yardstick: load + filter + scale + encode + split, cold and warm.

    python bench/bench_prepare.py DATA_DIR [--min-ratings 80] [--metadata] [--out FILE]

Runs, in this order and on the same file: the yardstick's `--prepare-only` (optionally its
full pipeline for the `metadata` stage, with one epoch), animerec with an empty cache
(cold) and animerec again (warm). Each side runs in its own process under
`/usr/bin/time -v` for peak memory; seconds are measured inside each process around the
stage itself, imports excluded, as the yardstick does. Prints one JSON object with the
raw figures and the ratios.
"""
import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import YARDSTICK, emit, timed  # noqa: E402

def child(args):
    "Time animerec's data stage in this process."
    from animerec.data import load_anime, load_ratings
    from animerec.prepare import prepare
    start = time.perf_counter()
    ratings = load_ratings(args.data_dir)
    loaded = time.perf_counter()
    prepared = prepare(ratings, min_ratings=args.min_ratings, test_size=1000, seed=43)
    done = time.perf_counter()
    anime = load_anime(args.data_dir)
    table = time.perf_counter() - done
    print(json.dumps({"rows": len(prepared.ratings), "users": len(prepared.users),
                      "anime": len(prepared.animes), "load_s": loaded - start,
                      "stage_s": done - start, "anime_table_s": table, "anime_rows": len(anime)}))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir")
    ap.add_argument("--min-ratings", type=int, default=80)
    ap.add_argument("--metadata", action="store_true",
                    help="also run the yardstick's full pipeline (1 epoch) for its metadata stage")
    ap.add_argument("--repeat", type=int, default=3, help="animerec runs of each kind; the median is kept")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.child:
        return child(args)

    py = sys.executable
    yard, yard_gb = timed([py, str(YARDSTICK), args.data_dir, "--min-ratings",
                           str(args.min_ratings), "--prepare-only"])
    result = {"data_dir": args.data_dir, "min_ratings": args.min_ratings,
              "yardstick": {"rows": yard["rows"], "prepare_s": yard["timings_s"]["prepare"],
                            "peak_gb": yard_gb}}
    if args.metadata:
        full, _ = timed([py, str(YARDSTICK), args.data_dir, "--min-ratings",
                         str(args.min_ratings), "--epochs", "1", "--users", "1"])
        result["yardstick"]["metadata_s"] = full["timings_s"]["metadata"]
    me = [py, __file__, args.data_dir, "--min-ratings", str(args.min_ratings), "--child"]
    colds, warms = [], []
    for _ in range(args.repeat):   # each repeat: a fresh cache (cold), then a second run (warm)
        with tempfile.TemporaryDirectory() as cache:
            colds.append(timed(me, {"ANIMEREC_CACHE_DIR": cache}))
            warms.append(timed(me, {"ANIMEREC_CACHE_DIR": cache}))
    median = lambda runs: sorted(runs, key=lambda r: r[0]["stage_s"])[len(runs) // 2]
    (cold, cold_gb), (warm, warm_gb) = median(colds), median(warms)
    assert cold["rows"] == warm["rows"] == yard["rows"], (cold["rows"], yard["rows"])
    result["animerec"] = {"rows": cold["rows"], "repeats": args.repeat, "cold_s": cold["stage_s"], "cold_peak_gb": cold_gb,
                          "warm_s": warm["stage_s"], "warm_peak_gb": warm_gb,
                          "anime_table_s": warm["anime_table_s"]}
    y = result["yardstick"]
    result["ratios"] = {"cold_speedup": y["prepare_s"] / cold["stage_s"],
                        "warm_speedup": y["prepare_s"] / warm["stage_s"],
                        "cold_memory_fraction": cold_gb / y["peak_gb"]}
    if "metadata_s" in y:
        result["ratios"]["anime_table_fraction_of_metadata"] = warm["anime_table_s"] / y["metadata_s"]
    emit(result, args.out)


if __name__ == "__main__":
    main()
