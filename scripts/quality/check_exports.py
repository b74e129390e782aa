#!/usr/bin/env python3
"""Checks a built site's outputs for partner platforms, as those platforms would read them.

Usage: check_exports.py SITE_DIR

- du-lieu/san-pham.xml parses as XML (RSS 2.0, Google's g: namespace); every item has every
  required field, non-empty and within Google Merchant Center's limits; ids are unique.
- du-lieu/{co-so,san-pham}.csv start with a UTF-8 BOM, open with the csv module once it is
  stripped, and match the JSON beside them cell by cell (formula-like text with its leading ');
  every JSON record has exactly the fields its schema lists, with the schema's types.
- No export carries a personal ID: a `ca-nhan` or `ho-kinh-doanh` business has no tax code.
- Every page's JSON-LD parses, and Product / LocalBusiness blocks have the properties Google's
  merchant listings and local business results require (and the recommended ones where the
  data exists).
Prints each problem and exits 1 if there is any.
"""
import csv
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

G = "{http://base.google.com/ns/1.0}"
LIMITS = {"id": 50, "title": 150, "description": 5000, "brand": 70, "product_type": 750}
REQUIRED = ["id", "title", "description", "link", "image_link", "availability", "price", "brand",
            "identifier_exists", "condition", "product_type"]
FORMULA = ("=", "+", "-", "@", "\t")
problems = []


def problem(text):
    problems.append(text)


def check_feed(site):
    tree = ET.parse(os.path.join(site, "du-lieu/san-pham.xml"))
    root = tree.getroot()
    if root.tag != "rss" or root.get("version") != "2.0":
        problem("feed: the root is not <rss version=\"2.0\">")
    channel = root.find("channel")
    for name in ("title", "link", "description"):
        if channel.find(name) is None or not (channel.find(name).text or "").strip():
            problem(f"feed: channel has no {name}")
    ids = set()
    items = channel.findall("item")
    for item in items:
        fields = {}
        for name in REQUIRED:
            found = item.findall(G + name)
            if len(found) != 1 or not (found[0].text or "").strip():
                problem(f"feed item {fields.get('id', '?')}: g:{name} missing, repeated or empty")
                continue
            fields[name] = found[0].text
        for name, limit in LIMITS.items():
            if name in fields and len(fields[name]) > limit:
                problem(f"feed item {fields.get('id')}: g:{name} has {len(fields[name])} characters (limit {limit})")
        if not re.fullmatch(r"[1-9][0-9]* VND", fields.get("price", "")):
            problem(f"feed item {fields.get('id')}: price {fields.get('price')!r} is not 'N VND' with N > 0")
        if fields.get("availability") not in ("in_stock", "out_of_stock"):
            problem(f"feed item {fields.get('id')}: availability {fields.get('availability')!r}")
        if fields.get("identifier_exists") != "no" or fields.get("condition") != "new":
            problem(f"feed item {fields.get('id')}: identifier_exists/condition")
        for name in ("link", "image_link"):
            if not re.match(r"https?://", fields.get(name, "")):
                problem(f"feed item {fields.get('id')}: {name} is not absolute")
        if fields.get("id") in ids:
            problem(f"feed: id {fields.get('id')} twice")
        ids.add(fields.get("id"))
    return items


def csv_cell(value):
    """What the CSV writer makes of a JSON value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        text = "; ".join(str(v) for v in value)
        return "'" + text if value and isinstance(value[0], str) and text.startswith(FORMULA) else text
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA) else value
    return str(value)


def schema_type_ok(value, types):
    types = types if isinstance(types, list) else [types]
    for t in types:
        if t == "null" and value is None: return True
        if t == "string" and isinstance(value, str): return True
        if t == "boolean" and isinstance(value, bool): return True
        if t == "integer" and isinstance(value, int) and not isinstance(value, bool): return True
        if t == "number" and isinstance(value, (int, float)) and not isinstance(value, bool): return True
        if t == "array" and isinstance(value, list): return True
    return False


def check_open_data(site, name, list_name):
    base = os.path.join(site, "du-lieu", name)
    with open(base + ".json", encoding="utf-8") as f:
        data = json.load(f)
    with open(base + ".schema.json", encoding="utf-8") as f:
        schema = json.load(f)
    records = data[list_name]
    if data.get("count") != len(records):
        problem(f"{name}.json: count {data.get('count')} for {len(records)} records")
    record_schema = schema["$defs"]["record"]
    properties = record_schema["properties"]
    for r in records:
        if set(r) != set(record_schema["required"]):
            problem(f"{name}.json {r.get('id')}: fields {sorted(set(r) ^ set(record_schema['required']))} differ from the schema")
        for key, value in r.items():
            if key in properties and not schema_type_ok(value, properties[key]["type"]):
                problem(f"{name}.json {r.get('id')}: {key}={value!r} is not {properties[key]['type']}")
            if key in properties and isinstance(value, list):
                item_type = properties[key]["items"]["type"]
                if not all(schema_type_ok(v, item_type) for v in value):
                    problem(f"{name}.json {r.get('id')}: {key} items are not {item_type}")
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        problem(f"{name}.json: ids are not unique")

    raw = open(base + ".csv", "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problem(f"{name}.csv: no UTF-8 byte-order mark")
    text = raw.decode("utf-8")[1:]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    if header != list(properties):
        problem(f"{name}.csv: header {header} is not the schema's fields in order")
    if len(body) != len(records):
        problem(f"{name}.csv: {len(body)} rows for {len(records)} JSON records")
    for row, r in zip(body, records):
        for key, cell in zip(header, row):
            value = r.get(key)
            if isinstance(value, float):
                if cell == "" or float(cell) != value:
                    problem(f"{name}.csv {r['id']}: {key} {cell!r} != {value!r}")
            elif cell != csv_cell(value):
                problem(f"{name}.csv {r['id']}: {key} {cell!r} != JSON {value!r}")
    return records


LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def check_json_ld(site, products_by_url):
    pages = 0
    for folder, _, files in os.walk(site):
        if "index.html" not in files:
            continue
        html = open(os.path.join(folder, "index.html"), encoding="utf-8").read()
        pages += 1
        where = os.path.relpath(folder, site)
        for block in LD.findall(html):
            try:
                ld = json.loads(block)
            except ValueError as e:
                problem(f"{where}: JSON-LD does not parse: {e}")
                continue
            kind = ld.get("@type")
            if kind == "Product":
                check_product_ld(where, ld, html, products_by_url.get(ld.get("url")))
            elif kind == "LocalBusiness":
                check_business_ld(where, ld, html)
    return pages


def check_product_ld(where, ld, html, record):
    for key in ("name", "url", "brand", "sku"):
        if not ld.get(key):
            problem(f"{where}: Product has no {key}")
    if "og:image" in html and not ld.get("image"):
        problem(f"{where}: Product has no image though the page has one")
    offers = ld.get("offers")
    if offers:
        try:
            price = float(offers.get("price"))
        except (TypeError, ValueError):
            price = 0
        if price <= 0:
            problem(f"{where}: offer price {offers.get('price')!r} is not above 0")
        if offers.get("priceCurrency") != "VND":
            problem(f"{where}: offer priceCurrency {offers.get('priceCurrency')!r}")
        for key in ("availability", "itemCondition"):
            if not str(offers.get(key, "")).startswith("https://schema.org/"):
                problem(f"{where}: offer has no {key}")
    if record is not None:
        if record["price"] and not offers:
            problem(f"{where}: priced product without offers")
        if record["images"] and ld.get("image") != record["images"]:
            problem(f"{where}: JSON-LD images differ from the open data's")
        if record["description"] and not ld.get("description"):
            problem(f"{where}: Product has no description")


def check_business_ld(where, ld, html):
    for key in ("name", "url"):
        if not ld.get(key):
            problem(f"{where}: LocalBusiness has no {key}")
    address = ld.get("address") or {}
    if address.get("@type") != "PostalAddress" or not address.get("addressCountry"):
        problem(f"{where}: LocalBusiness has no PostalAddress")
    if 'href="tel:' in html and not ld.get("telephone"):
        problem(f"{where}: LocalBusiness has no telephone though the page has one")
    if "google.com/maps" in html and not (ld.get("geo") or {}).get("latitude"):
        problem(f"{where}: LocalBusiness has no geo though the page has a map link")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = sys.argv[1]
    items = check_feed(site)
    businesses = check_open_data(site, "co-so", "businesses")
    products = check_open_data(site, "san-pham", "products")
    for b in businesses:
        if b["kind"] in ("ca-nhan", "ho-kinh-doanh") and b["tax_code"] is not None:
            problem(f"co-so.json {b['id']}: a personal ID number is published")
    listed = {item.find(G + "link").text for item in items}
    priced = {p["url"] for p in products if p["price"] and p["images"]}
    if listed != priced:
        problem(f"feed: lists {len(listed)} products, the open data has {len(priced)} with a price and a photo")
    pages = check_json_ld(site, {p["url"]: p for p in products})
    for p in problems:
        print("check_exports: " + p)
    print(f"check_exports: {len(items)} feed items, {len(businesses)} businesses, {len(products)} products, "
          f"{pages} pages' JSON-LD: {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
