"""Recommendation lookups against the yardstick: hybrid and similar-anime calls, two data sizes.

    python bench/bench_recommend.py DATA_DIR [DATA_DIR_2 ...] [--min-ratings 80] [--out FILE]

For the first folder, runs the yardstick's full pipeline (one epoch) for its median
`hybrid_recommendation` time over 50 users and its `find_similar_animes` time per call.
For every folder, trains animerec for one epoch (batch 10,000) and times, after one
warm-up call each, `hybrid_recommendation` for 50 users (median) and
`find_similar_animes` for the 20 best-scored titles (mean per call). Folders with the
same users and anime but more ratings show whether a lookup's cost grows with ratings.
"""
import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import YARDSTICK, emit, timed  # noqa: E402


def child(args):
    from animerec.config import TrainConfig
    from animerec.data import load_anime, load_ratings
    from animerec.model import train
    from animerec.prepare import prepare
    from animerec.recommend import Recommender
    prepared = prepare(load_ratings(args.data_dir), min_ratings=args.min_ratings, test_size=1000, seed=43)
    trained = train(prepared, TrainConfig(batch_size=10_000, epochs=1, progress=False))
    start = time.perf_counter()
    rec = Recommender.from_trained(trained, load_anime(args.data_dir), prepared.ratings)
    rec.neighbours()   # the precomputed neighbour lists are part of building
    build_s = time.perf_counter() - start
    users = prepared.users.idx2id[:50]
    rec.hybrid_recommendation(int(users[0]))
    hybrid = []
    for u in users:
        t = time.perf_counter()
        rec.hybrid_recommendation(int(u))
        hybrid.append(time.perf_counter() - t)
    titles = [a for a in rec.anime.index[:40] if rec._has_embedding[rec._table_pos.get_loc(a)]][:20]
    rec.find_similar_animes(int(titles[0]))
    t = time.perf_counter()
    for a in titles:
        rec.find_similar_animes(rec.anime.at[a, "display_name"])
    similar = (time.perf_counter() - t) / len(titles)
    print(json.dumps({"rows": len(prepared.ratings), "users": len(prepared.users),
                      "anime": len(prepared.animes), "recommender_build_s": build_s,
                      "hybrid_median_s": statistics.median(hybrid), "similar_anime_per_call_s": similar}))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dirs", nargs="+")
    ap.add_argument("--min-ratings", type=int, default=80)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.child:
        args.data_dir = args.data_dirs[0]
        return child(args)
    py = sys.executable
    yard, _ = timed([py, str(YARDSTICK), args.data_dirs[0], "--min-ratings", str(args.min_ratings),
                     "--epochs", "1", "--users", "50"])
    result = {"yardstick": {"data_dir": args.data_dirs[0], "rows": yard["rows"],
                            "hybrid_median_s": yard["timings_s"]["hybrid_median_s"],
                            "similar_anime_per_call_s": yard["timings_s"]["similar_anime_per_call_s"]},
              "animerec": {}}
    for d in args.data_dirs:
        mine, _ = timed([py, __file__, d, "--min-ratings", str(args.min_ratings), "--child"])
        result["animerec"][d] = mine
    first = result["animerec"][args.data_dirs[0]]
    y = result["yardstick"]
    result["ratios"] = {"hybrid_speedup": y["hybrid_median_s"] / first["hybrid_median_s"],
                        "similar_speedup": y["similar_anime_per_call_s"] / first["similar_anime_per_call_s"]}
    emit(result, args.out)


if __name__ == "__main__":
    main()
