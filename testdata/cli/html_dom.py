#!/usr/bin/env python3
"""Checks on the HTML report as headless Chromium left it (--dump-dom, after its script ran),
and on a --screenshot of it. Standard library only: html.parser for the DOM, zlib for the PNG.

  html_dom.py seed DOM               the seed incident: lanes, marks, arrows, band, remedy
  html_dom.py partial DOM            a step not in the logs given drawn hollow
  html_dom.py multi DOM COUNT        COUNT incidents, each linked from the overview strip
  html_dom.py hostile DOM            markup in a log line stayed text
  html_dom.py png PNG                the screenshot is not blank
"""
import html.parser
import struct
import sys
import zlib

SEED = "zk-txn-timeout-zkfc-exit|zk-leader|2019-09-17T05:04:12.043000Z|8a6d8564"


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    def all(self):
        yield self
        for c in self.children:
            yield from c.all()

    def find(self, pred):
        return [n for n in self.all() if pred(n)]

    def content(self):
        return "".join(self.text) + "".join(c.content() for c in self.children)

    def classes(self):
        return self.attrs.get("class", "").split()

    def ancestor(self, pred):
        n = self.parent
        while n is not None and not pred(n):
            n = n.parent
        return n


VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source", "col", "area", "base"}


class Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.text.append(data)


def parse(path):
    p = Parser()
    p.feed(open(path, encoding="utf-8").read())
    return p.root


def incidents(root):
    return root.find(lambda n: n.tag == "article" and "data-incident" in n.attrs)


def check(cond, what):
    if not cond:
        sys.exit("FAIL: " + what)


def seed(path):
    root = parse(path)
    arts = [a for a in incidents(root) if a.attrs["data-incident"] == SEED]
    check(len(arts) == 1, "no article with data-incident=" + SEED)
    art = arts[0]
    lanes = {n.attrs["data-lane"]: n for n in art.find(lambda n: "data-lane" in n.attrs)}
    check(set(lanes) == {"zk-leader", "nn1", "monitor"}, "lanes: %s" % sorted(lanes))
    # Each step's mark is drawn on its host's lane.
    for step, host in [("timeout", "zk-leader"), ("elector", "nn1"), ("fatal", "nn1")]:
        marks = lanes[host].find(lambda n: n.attrs.get("data-chain-step") == step and "mk" in n.classes())
        check(len(marks) == 1, "mark %s on lane %s" % (step, host))
    check(lanes["monitor"].find(lambda n: n.attrs.get("data-context") == "drops"),
          "context mark 'drops' on the monitor lane")
    arrows = {n.attrs["data-chain-step"]: n.content() for n in art.find(lambda n: "arrow" in n.classes())}
    check(arrows == {"elector": "+360ms", "fatal": "+215ms"}, "arrows: %s" % arrows)
    check(art.find(lambda n: n.tag == "path" and n.parent and "arrow" in n.parent.classes()),
          "arrows have paths")
    bands = art.find(lambda n: "band" in n.classes())
    check([b.attrs.get("data-window") for b in bands] == ["tickTime * syncLimit"],
          "band: %s" % [b.attrs for b in bands])
    check("tickTime × syncLimit = 10s before timeout" in bands[0].content(), "band label")
    text = " ".join(art.content().split())
    check("Restart the ZKFC on nn1" in text, "remedy")
    check("tickTime = 2000 ms" in text, "configuration values")
    # The script ran: the root cause's record is shown in the incident's record panel.
    panel = art.find(lambda n: "rec" in n.classes())
    check(panel and "Closing connection to peer due to transaction timeout" in panel[0].content(),
          "record panel filled by the script")
    rows = art.find(lambda n: n.tag == "tr" and n.attrs.get("id", "").startswith(art.attrs["id"] + "-e"))
    check(any("zk-leader.log:852" in r.content() for r in rows), "evidence row zk-leader.log:852")


def partial(path):
    root = parse(path)
    arts = incidents(root)
    check(arts and arts[0].attrs["data-incident"].startswith("zk-txn-timeout-zkfc-exit|"), "partial: rule")
    art = arts[0]
    lanes = {n.attrs["data-lane"]: n for n in art.find(lambda n: "data-lane" in n.attrs)}
    # The step not in the logs is drawn hollow on the lane of the host whose log lacks it.
    hollow = lanes["nn1"].find(lambda n: n.attrs.get("data-chain-step") == "elector" and "mk" in n.classes())
    check(len(hollow) == 1 and "missing" in hollow[0].classes(), "hollow mark for elector on nn1")
    check("zkfc log given does not show it" in hollow[0].attrs.get("data-note", ""), "its note")
    arrows = {n.attrs["data-chain-step"]: n.content() for n in art.find(lambda n: "arrow" in n.classes())}
    check(arrows == {"elector": "?", "fatal": "+575ms after timeout"}, "arrows: %s" % arrows)


def multi(path, count):
    root = parse(path)
    arts = incidents(root)
    check(len(arts) == count, "%d incidents, expected %d" % (len(arts), count))
    prints = [a.attrs["data-incident"] for a in arts]
    check(len(set(prints)) == count and all(prints), "distinct fingerprints")
    ids = {a.attrs["id"] for a in arts}
    links = root.find(lambda n: n.tag == "a" and "ov" in n.classes())
    check(sorted(l.attrs["href"][1:] for l in links) == sorted(ids), "overview links every incident")
    check({l.attrs["data-overview"] for l in links} == set(prints), "overview marks carry fingerprints")
    for a in arts:
        check(a.find(lambda n: "data-lane" in n.attrs), "lanes in " + a.attrs["data-incident"])
        check(a.find(lambda n: "mk" in n.classes() and "data-chain-step" in n.attrs),
              "chain marks in " + a.attrs["data-incident"])


def hostile(path):
    root = parse(path)
    scripts = root.find(lambda n: n.tag == "script")
    check(len(scripts) == 1, "%d script elements, expected the report's own" % len(scripts))
    check(not root.find(lambda n: n.tag == "img"), "an <img> from a log line became an element")
    check(not root.find(lambda n: any(k.startswith("on") for k in n.attrs)), "an on* attribute")
    title = root.find(lambda n: n.tag == "title" and n.parent.tag == "head")[0].content()
    check("PWNED" not in title, "a log line's script ran: " + title)
    text = root.content()
    check("<script>document.title='PWNED'</script>" in text, "the hostile line is shown as text")
    panel = root.find(lambda n: "rec" in n.classes())
    check(any("<script>document.title" in p.content() for p in panel), "record panel shows it as text")


def png(path):
    data = open(path, "rb").read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    check(depth == 8 and colour in (2, 6), "unexpected PNG format")
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, colours, background, i = bytearray(stride), {}, 0, 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):  # undo the PNG row filter
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp * 4):
            px = bytes(line[x:x + 3])
            colours[px] = colours.get(px, 0) + 1
        prev = line
    total = sum(colours.values())
    background = max(colours.values())
    check(len(colours) >= 30, "only %d colours: blank screenshot" % len(colours))
    check(background < 0.97 * total, "%.1f%% one colour: blank screenshot" % (100.0 * background / total))
    # The severity colours of the palette are on the page (vermillion for critical).
    check(any(abs(p[0] - 0xD5) < 8 and abs(p[1] - 0x5E) < 8 and abs(p[2]) < 8 for p in colours),
          "no critical (vermillion) pixels")


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "seed":
        seed(sys.argv[2])
    elif what == "partial":
        partial(sys.argv[2])
    elif what == "multi":
        multi(sys.argv[2], int(sys.argv[3]))
    elif what == "hostile":
        hostile(sys.argv[2])
    elif what == "png":
        png(sys.argv[2])
    else:
        sys.exit("usage: see the docstring")
