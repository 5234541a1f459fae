"""Shared fixtures: a private cache folder per test session, and the optional real data."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ANIMEREC_SHARED", ROOT.parent / "shared"))
MAL5K = SHARED / "data" / "mal-5k"


@pytest.fixture(scope="session", autouse=True)
def kernel_dir(tmp_path_factory):
    "The row-wise Adam kernel is compiled once per session, into a temporary folder."
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ANIMEREC_KERNEL_DIR", str(tmp_path_factory.mktemp("kernels")))
        yield


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    "Every test reads and writes its parse cache in a temporary folder, never ~/.cache."
    monkeypatch.setenv("ANIMEREC_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def mal5k():
    "The real mal-5k folder, or a skip when ../shared is not beside the checkout."
    if not (MAL5K / "rating.csv").exists():
        pytest.skip(f"real data not present at {MAL5K}")
    return MAL5K


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory):
    "A small generated sample in the 2020 layout, written once per session."
    from animerec.sample import write_sample
    out = tmp_path_factory.mktemp("sample")
    write_sample(out, users=300, anime=200, rows=30_000, seed=7, progress=False)
    return out
