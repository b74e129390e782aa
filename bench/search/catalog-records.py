#!/usr/bin/env python3
"""catalog-records: a gen-catalog tree -> search records (JSON), the way the Site module fills
SearchRecord. Only for benchmarking the index writer before `chonoi build` writes the index;
it reads the generator's simple front matter, not general YAML.

    catalog-records TREE OUT.json
"""
import json
import os
import re
import sys
import unicodedata

def front_matter(path):
    text = open(path, encoding="utf-8").read()
    _, head, body = text.split("---\n", 2)
    data, parent = {}, None
    for line in head.splitlines():
        if not line.strip():
            continue
        indented = line.startswith("  ")
        key, _, value = line.strip().partition(":")
        value = value.strip().strip('"')
        if indented and parent is not None:
            data[parent][key] = value
        elif value == "":
            parent = key
            data[key] = {}
        else:
            parent = None
            data[key] = [v.strip() for v in value[1:-1].split(",")] if value.startswith("[") else value
    return data, body

def plain(markdown):
    text = re.sub(r"<https?://[^>]*>", " ", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[#*_|>`-]+", " ", text)
    return " ".join(text.split())

def price(p):
    if p.get("price", "contact") == "contact":
        return "Liên hệ"
    amount = f"{int(p['price']):,}".replace(",", ".")
    unit = p.get("unit")
    return f"{amount}\u00a0₫" + (f"/{unit}" if unit else "")

def main(tree, out):
    sectors = {}
    for block in open(os.path.join(tree, "sectors.yml"), encoding="utf-8").read().split("- id: ")[1:]:
        sid = block.split("\n")[0].strip()
        name = re.search(r"name: (.*)", block).group(1).strip()
        sectors[sid] = name
    by_name = {name: sid for sid, name in sectors.items()}
    def sector(value):
        sid = value if value in sectors else by_name[value]
        return sid, sectors[sid]
    records = []
    root = os.path.join(tree, "businesses")
    for slug in sorted(os.listdir(root)):
        b, body = front_matter(os.path.join(root, slug, "index.md"))
        if b.get("draft") == "true":
            continue
        sid, sname = sector(b["sector"])
        addr = b["address"]
        place = f"{addr['ward']}, {addr['province']}"
        certs = " ".join(b.get("certifications", []))
        records.append(dict(kind="b", url=f"co-so/{slug}/", name=b["name"], businessName=b["name"],
                            sectorID=sid, sectorName=sname, place=place, price="", ocop=None,
                            text=plain(body), keywords=certs))
        pdir = os.path.join(root, slug, "products")
        for f in sorted(os.listdir(pdir)) if os.path.isdir(pdir) else []:
            p, pbody = front_matter(os.path.join(pdir, f))
            if p.get("draft") == "true":
                continue
            psid, psname = sector(p["sector"])
            records.append(dict(kind="p", url=f"co-so/{slug}/{f[:-3]}/", name=p["name"], businessName=b["name"],
                                sectorID=psid, sectorName=psname, place=place, price=price(p),
                                ocop=int(p["ocop"]) if "ocop" in p else None, text=plain(pbody),
                                keywords=" ".join(p.get("tags", []))))
    for r in records:
        for k, v in r.items():
            if isinstance(v, str):
                r[k] = unicodedata.normalize("NFC", v)
    json.dump(records, open(out, "w", encoding="utf-8"), ensure_ascii=False)
    print(f"catalog-records: {len(records)} records -> {out}", file=sys.stderr)

if __name__ == "__main__":
    main(*sys.argv[1:])
