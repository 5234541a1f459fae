"""Every recommender passes the same contract on a tiny world whose right answers are known."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from animerec.recommend import Recommender

# Two tastes: anime 1, 2, 5 point along e1 (action), 3, 4 along e2 (romance); 6 is rated by nobody.
ANIME = pd.DataFrame({
    "anime_id": [1, 2, 3, 4, 5, 6],
    "name": ["Kaze no Tsurugi", "Gintama'", "Hoshi no Koe", "Tsuki Monogatari", "Kaze no Tsurugi 2", "Mirai Kikai"],
    "english_name": ["Sword of Wind", None, "Voices of a Star", None, None, None],
    "display_name": ["Sword of Wind", "Gintama'", "Voices of a Star", "Tsuki Monogatari", "Kaze no Tsurugi 2", "Mirai Kikai"],
    "genres": ["Action", "Action, Comedy", "Romance", "Romance, Drama", "Action", "Action"],
    "type": "TV", "episodes": 12, "score": [8.0, 9.0, 7.0, 7.5, 6.0, 5.0], "members": 100, "premiered": None,
    "synopsis": ["a sword duel", "a comedy duel of swords", "a love letter in space", "a love story", "a sword", "a sword duel robot"]})
E1, E2 = np.array([1.0, 0, 0]), np.array([0, 1.0, 0])
ANIME_VECS = np.stack([E1, E1 + 0.1 * E2, E2, E2 + 0.1 * E1, E1 + 0.3 * E2])
USER_VECS = np.stack([E1, E1 + 0.05 * E2, E2, E2 + 0.05 * E1])
RATINGS = pd.DataFrame({"user_id": [10, 10, 11, 11, 11, 12, 12, 13, 13, 13, 13],
                        "anime_id": [1, 3, 1, 2, 5, 3, 4, 1, 2, 3, 4],
                        "rating": [10, 2, 9, 10, 9, 10, 9, 10, 10, 10, 10]})


@pytest.fixture
def rec():
    norm = lambda m: m / np.linalg.norm(m, axis=1, keepdims=True)
    return Recommender(np.array([10, 11, 12, 13]), norm(USER_VECS), np.array([1, 2, 3, 4, 5]),
                       norm(ANIME_VECS), ANIME, RATINGS)


def test_similar_anime_known_answer(rec):
    similar = rec.find_similar_animes("sword of wind", n=3)
    assert similar.anime_id.tolist() == [2, 5, 4] and 1 not in similar.anime_id.values
    assert rec.find_similar_animes(1, n=1, neg=True).anime_id.tolist() == [3]


def test_title_search_forgives(rec):
    assert rec.anime_id("GINTAMA&#039;") == rec.anime_id("gintama’".replace("’", "'")) == 2
    assert rec.anime_id("Kaze no Tsurugi") == 1           # original name as well as English
    with pytest.raises(KeyError, match=r"did you mean 'Sword of Wind'"):
        rec.anime_id("Kaze no Tsurug")
    with pytest.raises(KeyError, match="anime_id 99 is not in the anime table"):
        rec.anime_id(99)


def test_similar_users_known_answer(rec):
    assert rec.find_similar_users(10, n=1).user_id.tolist() == [11]
    with pytest.raises(KeyError, match="user_id 77 is not known"):
        rec.find_similar_users(77)


def test_user_based_and_hybrid_exclude_what_was_rated(rec):
    ub = rec.get_user_recommendations(10, n=5, similar_users=1)
    assert ub.anime_id.tolist() == [2] and ub.n.tolist() == [1]   # 11's favourite that 10 has not rated
    assert "liked by similar users 11" in ub.because.iloc[0]
    hybrid = rec.hybrid_recommendation(10, n=3)
    assert set(hybrid.anime_id) == {2, 4, 5}                       # everything 10 has not rated
    assert hybrid.reason.str.len().gt(0).all() and not hybrid.fallback.any()


def test_original_semantics_when_rated_are_allowed(rec):
    # with include_rated only the user's favourites are removed, as in the original
    assert 3 in set(rec.get_user_recommendations(10, n=5, similar_users=3, include_rated=True).anime_id)


def test_popularity_fallback_is_flagged(rec):
    out = rec.hybrid_recommendation(13, n=2)       # 13 has rated every favourite of the others
    assert out.fallback.all() and out.reason.str.startswith("popular").all()
    assert out.anime_id.tolist() == [5, 6]


def test_content_similarity_reaches_unrated_anime(rec):
    with pytest.raises(ValueError, match="rated by nobody .* use content='text'"):
        rec.find_similar_animes("Mirai Kikai")
    by_text = rec.find_similar_animes("Mirai Kikai", n=2, content="text")
    assert set(by_text.anime_id) <= {1, 2, 5}
    both = rec.find_similar_animes(1, n=5, content="both")
    assert 6 in set(both.anime_id)


def test_fold_in_for_a_new_user(rec):
    out = rec.recommend_for_ratings({"Voices of a Star": 10, "Sword of Wind": 3}, n=2)
    assert out.anime_id.iloc[0] == 4 and out.reason.iloc[0] == "because you liked Voices of a Star"
    with pytest.raises(ValueError, match="fold-in needs at least one rated title"):
        rec.recommend_for_ratings({"Mirai Kikai": 9})


def test_recommend_and_similar_commands(sample_dir, tmp_path):
    exe = str(Path(sys.executable).parent / "animerec")
    run = lambda *a: subprocess.run([exe, *map(str, a)], capture_output=True, text=True)
    trained = run("train", "--data-dir", sample_dir, "--artifacts", tmp_path / "art",
                  "-p", "epochs", "2", "-p", "min_ratings", "30", "-p", "progress", "false")
    assert trained.returncode == 0, trained.stderr[-2000:]
    user = pd.read_parquet(tmp_path / "art" / "ratings.parquet").user_id.iloc[0]
    done = run("recommend", "--artifacts", tmp_path / "art", "--user", user, "--k", 5, "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    recs = json.loads(done.stdout)
    assert len(recs) == 5 and {"anime_id", "name", "score"} <= set(recs[0])
    title = recs[0]["name"]
    done = run("similar", "--artifacts", tmp_path / "art", "--anime", title.lower(), "--k", 3, "--json")
    sims = json.loads(done.stdout)
    assert len(sims) == 3 and {"anime_id", "name", "similarity"} <= set(sims[0])
    bad = run("similar", "--artifacts", tmp_path / "art", "--anime", title[:-1] + "#")
    assert bad.returncode == 2 and "did you mean" in bad.stderr and "Traceback" not in bad.stderr
    bad = run("recommend", "--artifacts", tmp_path / "art", "--user", 987654321)
    assert bad.returncode == 2 and "user_id 987654321 is not known" in bad.stderr
