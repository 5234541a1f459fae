"""Bad input reaches the user as one clear line naming the file, column, line and value."""
import subprocess
import sys
from pathlib import Path

import pytest

from animerec.data import DataWarning, load_anime, load_ratings

HEADER_2016 = "anime_id,name,genre,type,episodes,rating,members\n1,A,Action,TV,12,8.1,100\n"


def folder(tmp_path: Path, ratings: str, anime: str = HEADER_2016) -> Path:
    (tmp_path / "rating.csv").write_text(ratings)
    (tmp_path / "anime.csv").write_text(anime)
    return tmp_path


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).parent / "animerec"), *args],
                          capture_output=True, text=True)


@pytest.mark.parametrize("ratings, message", [
    ("user_id,anime_id,rating\n1,1,8\n2,x7,9\n", "column 'anime_id' line 3: expected a non-negative integer id below 2**31, got 'x7'"),
    ("user_id,anime_id,rating\n1.5,1,8\n", "column 'user_id' line 2: expected a non-negative integer id below 2**31, got '1.5'"),
    ("user_id,anime,rating\n1,1,8\n", "missing column(s) ['anime_id']"),
    ("user_id,anime_id,rating\n1,1,8\n1,2,0\n", "column 'rating' line 3: expected a rating from 1 to 10, or -1"),
    ("user_id,anime_id,rating\n1,1,12\n", "got 12"),
    ("user_id,anime_id,rating\n1,1,300\n", "line 2: expected a rating from 1 to 10, or -1 for 'not scored' (kaggle2016), got '300'"),
    ("user_id,anime_id,rating\n3000000000,1,8\n", "column 'user_id' line 2: expected a non-negative integer id below 2**31, got '3000000000'"),
    ("user_id,anime_id,rating\n-3,1,8\n", "column 'user_id' line 2: expected a non-negative integer id below 2**31, got -3"),
    ("user_id,anime_id,rating\n", "has a header but no rating rows"),
])
def test_bad_ratings_file_names_the_problem(tmp_path, ratings, message):
    data = folder(tmp_path, ratings)
    with pytest.raises((ValueError, KeyError)) as err:
        load_ratings(data)
    assert message in str(err.value)
    assert str(data / "rating.csv") in str(err.value)


def test_missing_files_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no ratings file"):
        load_ratings(tmp_path)
    (tmp_path / "animelist.csv").write_text("user_id,anime_id,rating\n1,1,1\n")
    with pytest.raises(FileNotFoundError, match="anime.csv is missing"):
        load_ratings(tmp_path)


def test_duplicates_keep_the_last_and_say_how_many(tmp_path):
    data = folder(tmp_path, "user_id,anime_id,rating\n1,1,3\n1,2,4\n1,1,7\n2,2,5\n1,1,9\n")
    with pytest.warns(DataWarning, match="2 duplicate .user_id, anime_id. rows; kept the last"):
        ratings = load_ratings(data)
    assert ratings.values.tolist() == [[1, 2, 4], [2, 2, 5], [1, 1, 9]]


def test_anime_file_with_bad_number(tmp_path):
    data = folder(tmp_path, "user_id,anime_id,rating\n1,1,8\n",
                  "anime_id,name,genre,type,episodes,rating,members\n1,A,Action,TV,12,high,100\n")
    with pytest.raises(ValueError, match="column 'score' line 2: expected a number"):
        load_anime(data)


def test_cli_reports_one_line_and_status_2(tmp_path):
    data = folder(tmp_path, "user_id,anime_id,rating\n1,1,8\n2,abc,9\n")
    done = cli("prepare", "--data-dir", str(data))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"animerec prepare: {data / 'rating.csv'}: column 'anime_id' line 3: expected a non-negative integer id below 2**31, got 'abc'"]


def test_cli_empty_after_filtering(tmp_path):
    data = folder(tmp_path, "user_id,anime_id,rating\n1,1,8\n1,2,9\n2,1,5\n")
    done = cli("prepare", "--data-dir", str(data), "--min-ratings", "5")
    assert done.returncode == 2
    assert "no user has at least min_ratings=5 ratings (the most any user has is 2)" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_rejects_non_integer_option(tmp_path):
    done = cli("sample", str(tmp_path), "--rows", "many")
    assert done.returncode == 2 and "invalid int value: 'many'" in done.stderr
