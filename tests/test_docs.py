"""The built site (make docs) in headless Chromium: no console errors, real pixels, links that resolve."""
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urldefrag

import numpy as np
import pytest

SITE = Path(__file__).resolve().parents[1] / "_docs"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

IN_CI = bool(os.environ.get("CI"))   # .ci/run builds the site and installs chromium: never skip there
pytestmark = [
    pytest.mark.skipif(not IN_CI and not (SITE / "index.html").exists(), reason="site not built: run `make docs`"),
    pytest.mark.skipif(not IN_CI and not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def site_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(SITE)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def visit(browser, url, shot):
    "Load `url`; returns the page and the console errors it raised."
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    page.screenshot(path=str(shot))
    return page, errors


def not_blank(png: Path) -> bool:
    from PIL import Image
    pixels = np.asarray(Image.open(png).convert("L"), dtype=float)
    return pixels.std() > 10 and (pixels < 128).mean() > 0.005   # some dark text on the page


def test_landing_page(browser, site_url, tmp_path):
    page, errors = visit(browser, f"{site_url}/index.html", tmp_path / "landing.png")
    assert errors == []
    assert not_blank(tmp_path / "landing.png")
    body = page.inner_text("body")
    assert "make run" in body and "make test" in body and "kagglehub" in body
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    internal = sorted({urldefrag(h)[0] for h in links if h.startswith(site_url)})
    assert len(internal) >= 10
    broken = [h for h in internal if page.request.get(h).status != 200]
    assert broken == []


def test_api_page(browser, site_url, tmp_path):
    page, errors = visit(browser, f"{site_url}/api.html", tmp_path / "api.png")
    assert errors == []
    assert not_blank(tmp_path / "api.png")
    text = page.content()
    for name in ("load_ratings", "RecommenderNet", "hybrid_recommendation", "coerce_params"):
        assert name in text, name
