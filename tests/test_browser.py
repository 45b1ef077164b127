"""The HTML view in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``) driven by Selenium. Skipped when either is missing.

The screenshots go to ``$CLAIMSCOPE_ARTIFACTS`` (default ``tmp/artifacts`` in the
repository) so that CI keeps them.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimscope import PipelineSpec
from claimscope.render import render, render_index

webdriver = pytest.importorskip("selenium.webdriver")
By = pytest.importorskip("selenium.webdriver.common.by").By

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "seed.json"
EXAMPLE = ROOT / "examples" / "bakhmut_briefing.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(os.environ.get("CLAIMSCOPE_ARTIFACTS", ROOT / "tmp" / "artifacts"))

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="Debian's chromium and chromium-driver are not installed")

#: Flags for a quiet headless run on a machine without network (no background fetches).
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,2000")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def open_page(browser: Any, page: str, path: Path) -> list[dict[str, Any]]:
    """Load ``page`` from a file; return the console messages of level SEVERE."""
    path.write_text(page, encoding="utf-8")
    browser.get_log("browser")  # forget messages of earlier pages
    browser.get(path.as_uri())
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(browser: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / name
    assert browser.save_screenshot(str(target))
    return target


def visible_texts(browser: Any, selector: str) -> list[str]:
    """Texts of the elements matching ``selector`` that are laid out and not hidden."""
    texts: list[str] = browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')"
        ".map(e => e.innerText)", selector)
    return texts


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repository")
def test_seed_gold_page_loads_cleanly_and_shows_sources_and_mentions(
        browser: Any, tmp_path: Path) -> None:
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    errors = open_page(browser, render(gold), tmp_path / "seed.html")
    assert errors == []
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Konashenkov" in body and "Bakhmut" in body
    sources = visible_texts(browser, "table.claims td:nth-child(3) .chip")
    assert any("Konashenkov" in source for source in sources)
    labels = " ".join(visible_texts(browser, ".spans span span span"))
    assert "LOCATION" in labels and "QUANTITY" in labels and "SOURCE" in labels
    assert screenshot(browser, "seed.png").stat().st_size > 10_000


def test_console_errors_are_caught(browser: Any, tmp_path: Path) -> None:
    # The check above means something only if a broken page fails it.
    broken = "<!DOCTYPE html><html><body><script>undefinedFunction()</script></body></html>"
    assert open_page(browser, broken, tmp_path / "broken.html")


def test_pipeline_index_page_loads_cleanly(browser: Any, tmp_path: Path) -> None:
    pipeline = PipelineSpec().build()
    results = list(pipeline.pipe([
        {"id": "example", "text": EXAMPLE.read_text(encoding="utf-8")},
        {"id": "short", "text": "The governor said 12 drones were shot down near Odesa."},
    ]))
    errors = open_page(browser, render_index(results, title="Two articles"),
                       tmp_path / "index.html")
    assert errors == []
    links = browser.find_elements(By.CSS_SELECTOR, "table.index a")
    assert [link.text for link in links] == ["example", "short"]
    links[1].click()
    assert browser.execute_script("return location.hash") == "#doc-2"
    assert visible_texts(browser, "#doc-2 table.claims .status")
    screenshot(browser, "index.png")
