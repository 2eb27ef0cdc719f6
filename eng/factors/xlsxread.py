"""A small reader of .xlsx worksheets (cell values as text) on the Python standard library alone.

Only what the factor generators need: shared strings, inline strings, numbers as written in the file (the text of
<v>, so no float round trip), sheets by name. Formulas give their cached value.
"""
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}


def _text(si):
    # A shared or inline string: its <t> parts, rich-text runs included, phonetic runs (rPh) left out.
    parts = []
    for node in si.iter():
        if node.tag == f"{{{NS['m']}}}rPh":
            continue
        if node.tag == f"{{{NS['m']}}}t":
            parts.append(node.text or "")
    return "".join(parts)


def _column(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def sheets(path):
    """Returns the workbook's sheet names in order."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        return [s.get("name") for s in wb.find("m:sheets", NS)]


def rows(path, sheet):
    """Yields (row number, [cell text or None, ...]) for every row of the named sheet."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = None
        for s in wb.find("m:sheets", NS):
            if s.get("name") == sheet:
                rid = s.get(f"{{{NS['r']}}}id")
                for rel in rels:
                    if rel.get("Id") == rid:
                        target = rel.get("Target")
        if target is None:
            raise KeyError(f"{path}: no sheet '{sheet}'")
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            shared = [_text(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
        root = ET.fromstring(z.read(target))
        for row in root.find("m:sheetData", NS).findall("m:row", NS):
            cells = []
            for c in row.findall("m:c", NS):
                col = _column(c.get("r"))
                while len(cells) < col:
                    cells.append(None)
                t = c.get("t")
                v = c.find("m:v", NS)
                if t == "s":
                    value = shared[int(v.text)]
                elif t == "inlineStr":
                    value = _text(c.find("m:is", NS))
                elif v is not None:
                    value = v.text
                else:
                    value = None
                cells.append(value)
            yield int(row.get("r")), cells
