#!/usr/bin/env python3
"""Checks a built chonoi site without a browser (standard library only).

For every HTML page in the output:
- every internal link and asset reference (href, src, srcset, action, poster, data-index,
  og:image, canonical) resolves to a file of the output, `#fragment`s to an id on the target;
- links stay under the base path (a site built for /cho-noi/ never links to /co-so/...);
- no third-party requests: stylesheets, scripts, images, icons and media are same-origin;
- no JavaScript but the search and registration pages' own scripts: no inline <script> other than JSON-LD,
  no on* event handler attributes, no javascript: URLs;
- every JSON-LD block parses as JSON.
Plus: url(...) references in the CSS, and the sitemap's and feed's addresses.

Usage: check_site.py SITE_DIR BASE_URL   (SITE_DIR is the folder that BASE_URL serves)
Exit status 0 when clean, 1 with one line per problem.
"""
import html.parser
import json
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

# Pages allowed to load a script (site-relative, as written under SITE_DIR).
SCRIPT_PAGES = {"tim-kiem/index.html", "dang-ky/index.html"}
RESOURCE_TAGS = {"img", "script", "source", "video", "audio", "iframe", "embed", "track", "input"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.refs = []          # (kind, url, tag) kind: "link" (navigation) or "resource"
        self.scripts = []       # (type, src)
        self.jsonld = []
        self.handlers = []
        self._in_jsonld = False
        self._buf = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("id", "name") if tag == "a" else ("id",):
            if a.get(k):
                self.ids.add(a[k])
        for k, v in attrs:
            if k.startswith("on"):
                self.handlers.append(f"<{tag} {k}=…>")
            if v and v.strip().lower().startswith("javascript:"):
                self.handlers.append(f"<{tag} {k}=\"javascript:…\">")
        if tag in ("a", "area") and a.get("href") is not None:
            self.refs.append(("link", a["href"], tag))
        if tag == "link" and a.get("href") is not None:
            rel = (a.get("rel") or "").lower().split()
            kind = "link" if set(rel) & {"canonical", "alternate", "prev", "next"} else "resource"
            self.refs.append((kind, a["href"], "link rel=" + " ".join(rel)))
        if tag in RESOURCE_TAGS:
            for k in ("src", "poster"):
                if a.get(k):
                    self.refs.append(("resource", a[k], tag))
            for k in ("srcset",):
                if a.get(k):
                    for part in a[k].split(","):
                        if part.strip():
                            self.refs.append(("resource", part.strip().split()[0], tag))
        if tag == "form":
            if a.get("action"):
                self.refs.append(("link", a["action"], "form"))
            if a.get("data-index"):
                self.refs.append(("folder", a["data-index"], "form data-index"))
        if tag == "meta" and a.get("property") in ("og:image", "og:url") and a.get("content"):
            self.refs.append(("resource" if a["property"] == "og:image" else "link", a["content"], "meta " + a["property"]))
        if tag == "script":
            typ = (a.get("type") or "").lower()
            self.scripts.append((typ, a.get("src")))
            if typ == "application/ld+json":
                self._in_jsonld = True
                self._buf = []

    def handle_data(self, data):
        if self._in_jsonld:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_jsonld:
            self.jsonld.append("".join(self._buf))
            self._in_jsonld = False


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, base = os.path.abspath(sys.argv[1]), sys.argv[2]
    parsed_base = urllib.parse.urlsplit(base)
    origin = f"{parsed_base.scheme}://{parsed_base.netloc}"
    base_path = parsed_base.path if parsed_base.path.endswith("/") else parsed_base.path + "/"
    problems = []
    pages = {}

    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith(".html"):
                full = os.path.join(dirpath, f)
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                p = Page()
                with open(full, encoding="utf-8") as fh:
                    p.feed(fh.read())
                p.close()
                pages[rel] = p

    def target_of(url, page_rel):
        """The site-relative file an address points to, or None when it is outside the site."""
        page_url = base_path + (page_rel[: -len("index.html")] if page_rel.endswith("index.html") else page_rel)
        u = urllib.parse.urlsplit(urllib.parse.urljoin(origin + page_url, url))
        if f"{u.scheme}://{u.netloc}" != origin:
            return None, None
        path = urllib.parse.unquote(u.path)
        if not path.startswith(base_path):
            return False, u.fragment
        return path[len(base_path):], u.fragment

    def exists(rel, folder=False):
        full = os.path.join(root, rel)
        if folder:
            return os.path.isdir(full)
        if rel == "" or rel.endswith("/"):
            return os.path.isfile(os.path.join(full, "index.html"))
        return os.path.isfile(full)

    def page_key(rel):
        return rel + "index.html" if rel == "" or rel.endswith("/") else rel

    checked = 0
    for rel, p in sorted(pages.items()):
        for kind, url, tag in p.refs:
            scheme = urllib.parse.urlsplit(url).scheme.lower()
            if scheme in ("mailto", "tel"):
                continue
            if scheme in ("http", "https") and not url.startswith(origin + "/"):
                if kind != "link":
                    problems.append(f"{rel}: third-party request in <{tag}>: {url}")
                continue
            if scheme not in ("", "http", "https"):
                problems.append(f"{rel}: unexpected scheme in <{tag}>: {url}")
                continue
            checked += 1
            target, fragment = target_of(url, rel)
            if target is False:
                problems.append(f"{rel}: <{tag}> leaves the base path {base_path}: {url}")
            elif not exists(target, folder=(kind == "folder")):
                problems.append(f"{rel}: <{tag}> points to a missing file: {url}")
            elif fragment and kind == "link":
                tp = pages.get(page_key(target))
                if tp is not None and fragment not in tp.ids:
                    problems.append(f"{rel}: <{tag}> points to a missing #{fragment}: {url}")
        for typ, src in p.scripts:
            if typ == "application/ld+json":
                continue
            if rel not in SCRIPT_PAGES:
                problems.append(f"{rel}: a script on a page that must have none ({src or 'inline'})")
            elif not src:
                problems.append(f"{rel}: inline script (only the search page's own file is allowed)")
        for h in p.handlers:
            problems.append(f"{rel}: inline JavaScript {h}")
        for block in p.jsonld:
            try:
                json.loads(block)
            except ValueError as e:
                problems.append(f"{rel}: JSON-LD does not parse: {e}")

    # url(...) in stylesheets, relative to the stylesheet.
    for dirpath, _, files in os.walk(os.path.join(root, "assets")):
        for f in files:
            if f.endswith(".css"):
                rel = os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/")
                with open(os.path.join(root, rel), encoding="utf-8") as fh:
                    css = fh.read()
                for m in re.finditer(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css):
                    url = m.group(1)
                    if url.startswith("data:"):
                        continue
                    if re.match(r"^[a-z]+://", url, re.I):
                        problems.append(f"{rel}: third-party request url({url})")
                        continue
                    checked += 1
                    target, _ = target_of(url, rel)
                    if target is None or target is False or not exists(target):
                        problems.append(f"{rel}: url({url}) points to a missing file")

    # Absolute addresses in the sitemap and the feed.
    for name, xpath in (("sitemap.xml", ".//{http://www.sitemaps.org/schemas/sitemap/0.9}loc"),
                        ("feed.xml", ".//{http://www.w3.org/2005/Atom}link")):
        path = os.path.join(root, name)
        if not os.path.isfile(path):
            problems.append(f"{name}: missing")
            continue
        for el in ET.parse(path).getroot().iterfind(xpath):
            url = el.text if el.text and el.text.strip() else el.get("href")
            checked += 1
            if not url.startswith(origin + base_path):
                problems.append(f"{name}: address outside the site: {url}")
                continue
            target, _ = target_of(url, "")
            if target is None or target is False or not exists(target):
                problems.append(f"{name}: points to a missing page: {url}")

    for line in problems:
        print("error: " + line)
    print(f"links: {len(pages)} pages, {checked} internal references checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
