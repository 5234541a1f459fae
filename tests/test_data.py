"""The data stage end to end: sample files, the parse cache, and the real mal-5k data."""
import os

import numpy as np
import pyarrow.feather as feather
import pytest

from animerec import data
from animerec.data import describe_dataset, load_anime, load_ratings
from animerec.prepare import prepare
from animerec.sample import write_sample


def test_sample_round_trip(sample_dir):
    stats = describe_dataset(sample_dir)
    assert (stats["layout"], stats["rows"], stats["anime"]) == ("kaggle2020", 30_000, 200)
    ratings = load_ratings(sample_dir)
    assert len(ratings) == stats["scored_rows"]
    assert ratings["rating"].between(1, 10).all()
    anime = load_anime(sample_dir)
    assert anime["score"].is_monotonic_decreasing or anime["score"].dropna().is_monotonic_decreasing
    assert set(ratings["anime_id"]) <= set(anime["anime_id"])


def test_second_load_comes_from_the_cache(sample_dir, monkeypatch):
    first = load_ratings(sample_dir)
    monkeypatch.setattr(data, "parse_ratings", lambda *a: pytest.fail("parsed again"))
    second = load_ratings(sample_dir)
    assert first.equals(second)


def test_changed_source_is_parsed_again(tmp_path):
    write_sample(tmp_path, users=50, anime=60, rows=800, seed=1, progress=False)
    before = load_ratings(tmp_path, keep_unscored=True)
    path = tmp_path / "animelist.csv"
    path.write_text(path.read_text() + "999,1,7,2,1\n")
    after = load_ratings(tmp_path, keep_unscored=True)
    assert len(after) == len(before) + 1
    assert after[after.user_id == 999].values.tolist() == [[999, 1, 7]]


def test_interrupted_cache_write_is_not_trusted(tmp_path, monkeypatch):
    write_sample(tmp_path, users=50, anime=60, rows=800, seed=1, progress=False)

    def crash(table, dest, **kw):
        open(dest, "wb").write(b"half a file")
        raise KeyboardInterrupt
    cache = os.environ["ANIMEREC_CACHE_DIR"]
    monkeypatch.setattr(feather, "write_feather", crash)
    with pytest.raises(KeyboardInterrupt):
        load_ratings(tmp_path)
    monkeypatch.undo()
    monkeypatch.setenv("ANIMEREC_CACHE_DIR", cache)
    assert os.listdir(cache) == []          # neither the half file nor a stamp was left
    assert len(load_ratings(tmp_path)) > 0


def test_same_seed_same_split(sample_dir):
    ratings = load_ratings(sample_dir)
    a, b = prepare(ratings, min_ratings=20, seed=5), prepare(ratings, min_ratings=20, seed=5)
    assert np.array_equal(a.test, b.test) and np.array_equal(a.train, b.train)
    c = prepare(ratings, min_ratings=20, seed=6)
    assert not np.array_equal(a.test, c.test)


def test_mal5k_counts(mal5k):
    stats = describe_dataset(mal5k)
    assert stats["layout"] == "kaggle2016"
    assert (stats["rows"], stats["scored_rows"], stats["anime"]) == (520_609, 419_943, 7_390)
    anime = load_anime(mal5k)
    assert "Gintama'" in set(anime["name"]) and not anime["name"].str.contains("&#039;").any()
    assert "Tiger & Bunny" in set(anime["name"])
    assert anime["synopsis"].isna().all() and anime["genres"].isna().sum() == 3
