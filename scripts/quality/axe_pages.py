#!/usr/bin/env python3
"""Runs axe-core in headless Chromium (Selenium + Debian's chromedriver) on pages of a served
site, at each width, and optionally saves screenshots.

Usage:
  axe_pages.py --base URL --axe AXE_MIN_JS [--widths 375,1280] [--screenshots DIR]
               [--shot-heights 375=2000,1280=1200] NAME=PATH ...
NAME names the page in the report and the screenshot file (NAME-WIDTH.png); PATH is relative
to URL (the served base, e.g. http://127.0.0.1:8765/cho-noi/).
Exit status 0 when axe reports no violation on any page at any width, 1 otherwise.
"""
import argparse
import base64
import json
import shutil
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def driver():
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--hide-scrollbars", "--force-color-profile=srgb", "--lang=vi-VN",
              "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        opts.add_argument(a)
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=opts)


def viewport(d, width, height):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def settle(d):
    """Waits until the document and the images within the viewport are loaded (lazy ones below wait)."""
    for _ in range(100):
        # A form drawn by its script once its data has loaded (the registration page) is waited for too.
        done = d.execute_script(
            "return document.readyState === 'complete' && !document.querySelector('form[data-form][hidden]') && "
            "Array.from(document.images).every(function (i) {"
            "  return i.complete || i.getBoundingClientRect().top > window.innerHeight; });")
        if done:
            return
        time.sleep(0.05)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--axe", required=True)
    ap.add_argument("--widths", default="375,1280")
    ap.add_argument("--screenshots")
    ap.add_argument("--shot-heights", default="375=2000,1280=1200")
    ap.add_argument("pages", nargs="+")
    args = ap.parse_args()
    axe = open(args.axe, encoding="utf-8").read()
    widths = [int(w) for w in args.widths.split(",")]
    heights = {int(k): int(v) for k, v in (x.split("=") for x in args.shot_heights.split(","))}
    d = driver()
    total = 0
    runs = 0
    try:
        for spec in args.pages:
            name, _, path = spec.partition("=")
            url = args.base + path
            for width in widths:
                viewport(d, width, 900)
                d.get(url)
                settle(d)
                d.execute_script(axe)
                result = d.execute_async_script(
                    "var done = arguments[arguments.length - 1];"
                    "axe.run(document, {resultTypes: ['violations']})"
                    ".then(function (r) { done({violations: r.violations, version: r.testEngine.version}); })"
                    ".catch(function (e) { done({error: String(e)}); });")
                runs += 1
                if "error" in result:
                    print(f"error: axe failed on {name} at {width}px: {result['error']}")
                    total += 1
                    continue
                violations = result["violations"]
                total += len(violations)
                status = "ok" if not violations else f"{len(violations)} violations"
                print(f"axe {result['version']}: {name} ({path or '/'}) at {width}px: {status}")
                for v in violations:
                    print(f"  {v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
                    for node in v["nodes"][:5]:
                        print(f"    {json.dumps(node['target'], ensure_ascii=False)}: "
                              + node.get("failureSummary", "").replace("\n", " "))
                if args.screenshots:
                    full = d.execute_script("return Math.ceil(document.documentElement.scrollHeight);")
                    height = min(full, heights.get(width, 2000))
                    viewport(d, width, height)
                    d.execute_script("window.scrollTo(0, 0);")
                    settle(d)
                    time.sleep(0.2)
                    shot = d.execute_cdp_cmd("Page.captureScreenshot", {
                        "format": "png", "captureBeyondViewport": False,
                        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
                    with open(f"{args.screenshots}/{name}-{width}.png", "wb") as fh:
                        fh.write(base64.b64decode(shot["data"]))
    finally:
        d.quit()
    print(f"axe: {runs} page runs, {total} violations")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
