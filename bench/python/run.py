#!/usr/bin/env python3
"""Extract every page of an evaluation suite with one Python extractor.

    run.py --suite DIR --tool TOOL [--out FILE]
    run.py --versions

DIR is a suite folder of the workspace's shared/bench (zyte, boilerplate,
dates or wild). Every page under DIR/html is read (gunzipped when its name
ends in .gz), given to the tool with its address, and written as one JSON
line, in file-name order:

    {"file": "html/NAME.html.gz", "text": "...", "title": "...",
     "author": "...", "date": "YYYY-MM-DD", "categories": [...],
     "tags": [...], "error": "...", "seconds": 0.0123}

Fields a tool does not give are left out; "error" is set when the tool
raised or, for trafilatura, returned nothing (go-trafilatura reports the
same case as an error); "seconds" is the wall time of the extraction call
alone (reading and gunzipping excluded). bench's cmd/compare -process runs
this as a process of its own per tool, charges it the CPU time the
operating system reports, and scores the lines with package evaluate, as
it scores the Go extractors. Nothing is scored here.

Tools (one worker, default settings unless said):
  trafilatura            bare_extraction(with_metadata=True,
                         include_comments=False, include_tables=True):
                         its default balanced mode, fallbacks on
  trafilatura+precision  the same with favor_precision=True
  trafilatura+recall     the same with favor_recall=True
  resiliparse            extract_plain_text(tree, main_content=True) after
                         detect_encoding/bytes_to_str; title = <title>
  readability-lxml       Document(raw, url=url).summary() turned into text
                         (one line per block element); title = short_title()
  justext                justext(raw, stoplist) with the union of all its
                         stoplists (language-independent, as trafilatura's
                         own jusText fallback uses it); the good paragraphs,
                         one a line
"""

import argparse
import gzip
import json
import logging
import os
import re
import sys
import time
from importlib.metadata import version

PACKAGES = ["trafilatura", "htmldate", "Resiliparse", "readability-lxml", "jusText", "lxml"]

# The address of a CleanEval page, from its <text id="URL"> wrapper, as
# package evaluate reads it.
TEXT_WRAPPER = re.compile(rb'(?i)<text\s+id="([^"]+)"')


def pages(suite):
    """Yields (file relative to the suite, address) for every page under
    suite/html, in name order. Addresses come from the labels file where
    the suite has one, else as package evaluate finds them for the wild
    suite: the <text id=...> wrapper, else the gold file's URL: line."""
    urls = {}
    for name in ("ground-truth.json", "labels.json"):
        path = os.path.join(suite, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for key, label in json.load(f).items():
                    urls[label["file"]] = label.get("url") or key
            break
    for name in sorted(os.listdir(os.path.join(suite, "html"))):
        yield "html/" + name, urls.get("html/" + name)


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def wild_url(suite, rel, raw):
    m = TEXT_WRAPPER.search(raw[:2048])
    if m:
        return m.group(1).decode("utf-8", "replace")
    name = os.path.basename(rel).removesuffix(".gz").removesuffix(".html")
    try:
        with open(os.path.join(suite, "gold", name + ".txt"), "rb") as f:
            gold = f.read()
    except OSError:
        return None
    if gold.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = gold.decode("utf-16", "replace")
    else:
        text = gold.decode("utf-8", "replace").lstrip("\ufeff")
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line[4:].strip() if line.startswith("URL:") else None
    return None


# --- the tools: each takes (raw bytes, address or None), returns a dict ---


def trafilatura_tool(**mode):
    from trafilatura import bare_extraction

    def run(raw, url):
        doc = bare_extraction(raw, url=url, with_metadata=True, include_comments=False,
                              include_tables=True, **mode)
        if doc is None:
            # trafilatura's "nothing extracted" (text too short, empty
            # tree): go-trafilatura returns an error here.
            raise ValueError("trafilatura extracted nothing")
        return {"text": doc.text or "", "title": doc.title or "", "author": doc.author or "",
                "date": doc.date or "", "categories": doc.categories or [], "tags": doc.tags or []}
    return run


def resiliparse_tool():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(raw, url):
        tree = HTMLTree.parse(bytes_to_str(raw, detect_encoding(raw)))
        return {"text": extract_plain_text(tree, main_content=True), "title": tree.title or ""}
    return run


# Elements after which readability-lxml's summary gets a line break, so
# that words of adjacent blocks are not glued together.
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
          "h6", "blockquote", "pre", "table", "tr", "td", "th", "section", "article",
          "header", "footer", "figure", "figcaption", "hr", "address", "aside", "main"}


def html_text(fragment):
    from lxml import html
    if not fragment.strip():
        return ""
    root = html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def readability_tool():
    from readability import Document

    def run(raw, url):
        doc = Document(raw, url=url)
        return {"text": html_text(doc.summary(html_partial=True)), "title": doc.short_title() or ""}
    return run


def justext_tool():
    import justext
    stoplist = frozenset().union(*(justext.get_stoplist(lang) for lang in justext.get_stoplists()))

    def run(raw, url):
        paragraphs = justext.justext(raw, stoplist)
        return {"text": "\n".join(p.text for p in paragraphs if not p.is_boilerplate)}
    return run


TOOLS = {
    "trafilatura": lambda: trafilatura_tool(),
    "trafilatura+precision": lambda: trafilatura_tool(favor_precision=True),
    "trafilatura+recall": lambda: trafilatura_tool(favor_recall=True),
    "resiliparse": resiliparse_tool,
    "readability-lxml": readability_tool,
    "justext": justext_tool,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite", help="suite folder (holding html/)")
    ap.add_argument("--tool", choices=sorted(TOOLS))
    ap.add_argument("--out", help="JSON lines file to write (default: standard output)")
    ap.add_argument("--versions", action="store_true", help="print the extractors' versions and exit")
    ap.add_argument("--verbose", action="store_true", help="let the tools log warnings")
    args = ap.parse_args()
    if args.versions:
        print(f"python {sys.version.split()[0]}; " + ", ".join(f"{p} {version(p)}" for p in PACKAGES))
        return 0
    if not args.suite or not args.tool:
        ap.error("--suite and --tool are required")
    # trafilatura logs a warning for every page it discards.
    logging.basicConfig(level=logging.WARNING if args.verbose else logging.CRITICAL + 1)
    extract = TOOLS[args.tool]()
    wild = not any(os.path.exists(os.path.join(args.suite, n)) for n in ("ground-truth.json", "labels.json"))
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    n = 0
    for rel, url in pages(args.suite):
        row = {"file": rel}
        try:
            raw = read(os.path.join(args.suite, rel))
        except OSError as err:
            row["error"] = f"reading page: {err}"
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            continue
        if wild and url is None:
            url = wild_url(args.suite, rel, raw)
        start = time.perf_counter()
        try:
            row.update(extract(raw, url))
        except Exception as err:  # a tool's failure on one page is that page's result
            row["error"] = f"{type(err).__name__}: {err}"
        row["seconds"] = time.perf_counter() - start
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    if out is not sys.stdout:
        out.close()
    print(f"run.py: {args.tool}: {n} pages from {args.suite}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
