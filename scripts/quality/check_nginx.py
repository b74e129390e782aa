#!/usr/bin/env python3
"""Check a chonoi site as served over HTTP (scripts/nginx-check): crawl every page from the
home, follow each internal href/src, and check status codes, cache headers and gzip_static.

    check_nginx.py http://127.0.0.1:PORT/cho-noi/
"""
import gzip, re, sys, urllib.error, urllib.parse, urllib.request

BASE = sys.argv[1]
ROOT = urllib.parse.urlsplit(BASE)
LINK = re.compile(r'(?:href|src)="([^"]+)"')
problems = []


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def get(url, gzip_ok=False):
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    try:
        with opener.open(urllib.request.Request(url, headers=headers)) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def expect(condition, message):
    if not condition:
        problems.append(message)


# Crawl: every internal page and file reachable from the home page.
seen, queue, pages = set(), [BASE], 0
while queue:
    url = queue.pop()
    if url in seen:
        continue
    seen.add(url)
    status, headers, body = get(url)
    if status != 200:
        problems.append(f"{status} {url}")
        continue
    if headers.get_content_type() != "text/html":
        continue
    pages += 1
    for link in LINK.findall(body.decode("utf-8")):
        target = urllib.parse.urljoin(url, link.replace("&amp;", "&"))
        parts = urllib.parse.urlsplit(target)
        if parts.scheme in ("http", "https") and parts.netloc == ROOT.netloc:
            queue.append(urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")))
files = len(seen)

# Cache lifetimes: a year for content-hashed assets, five minutes for pages.
assets = sorted(u for u in seen if "/assets/" in u)
expect(assets, "no /assets/ file was linked")
for url in assets:
    _, headers, _ = get(url)
    cache = headers.get("Cache-Control", "")
    expect("max-age=31536000" in cache and "immutable" in cache, f"asset {url}: Cache-Control {cache!r}")
for url in (BASE, BASE + "sitemap.xml"):
    _, headers, _ = get(url)
    expect(headers.get("Cache-Control") == "public, max-age=300", f"page {url}: Cache-Control {headers.get('Cache-Control')!r}")
    expect("charset=utf-8" in headers.get("Content-Type", ""), f"{url}: Content-Type {headers.get('Content-Type')!r}")

# gzip_static: the stored .gz is sent to clients that accept gzip, and is the same page.
for url in [BASE] + [u for u in assets if u.endswith(".css")][:1]:
    status, headers, body = get(url, gzip_ok=True)
    _, _, plain = get(url)
    expect(headers.get("Content-Encoding") == "gzip", f"{url}: no Content-Encoding gzip with Accept-Encoding")
    expect(status == 200 and headers.get("Content-Encoding") == "gzip" and gzip.decompress(body) == plain,
           f"{url}: the .gz differs from the file")

# The catalog's 404 page with status 404; the sub-path without its slash; the marker hidden.
status, _, body = get(BASE + "khong-co-trang-nay/")
_, _, page404 = get(BASE + "404.html")
expect(status == 404 and body == page404, f"missing page: status {status}, catalog 404 page: {body == page404}")
status, headers, _ = get(BASE.rstrip("/"))
expect(status == 301 and headers.get("Location", "").endswith(ROOT.path), f"{BASE.rstrip('/')}: {status} {headers.get('Location')}")
status, _, _ = get(BASE + ".chonoi-site")
expect(status == 404, f".chonoi-site: status {status}")

print(f"nginx-check: {pages} pages, {files} URLs crawled, {len(problems)} problems")
for p in problems[:50]:
    print("  " + p)
sys.exit(1 if problems else 0)
