"""The HTML page the printable debrief and the class report share: one self-contained file
(no script, no external style sheet, font or picture), a system font, and print rules for A4.
"""
from __future__ import annotations

from html import escape

BASE_CSS = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 186mm; padding: 8mm 0; color: #1c232e; background: #fff;
  font: 10pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; padding-top: 2mm; border-top: 1px solid #d6d8dc; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2mm; }
.muted { color: #5c6572; }
.small { font-size: 8.5pt; }
.accent { color: #3a54d6; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1mm 1.5mm;
  border-bottom: 1px solid #e3e5e8; }
th { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; color: #5c6572; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; gap: 3mm; }
.card { flex: 1; border: 1px solid #d6d8dc; border-radius: 3mm; padding: 2.5mm 3mm; }
.card.you { background: #e2e7fc; border-color: #c7d0f7; }
.card .fig { font-size: 16pt; font-weight: 600; }
.card .label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .05em; color: #5c6572; }
.cols { display: flex; gap: 5mm; }
.cols > * { flex: 1; min-width: 0; }
section { break-inside: avoid; page-break-inside: avoid; }
svg.chart { display: block; max-width: 100%; height: auto; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
li { margin: 0 0 .8mm; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
"""


def esc(value) -> str:
    return escape("" if value is None else str(value))


def page(title: str, body: str, css: str = "") -> str:
    """A whole HTML document around `body`."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{BASE_CSS}{css}</style></head>"
            f"<body>{body}</body></html>\n")


def table(head: list[str], rows: list[list[str]], numeric: set[int] = frozenset(),
          cols: list[str] = ()) -> str:
    """A table; cells are already HTML (escape them first). `cols`: a class per column."""
    th = "".join(f'<th class="num">{h}</th>' if i in numeric else f"<th>{h}</th>"
                 for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else
                                    f"<td>{c}</td>" for i, c in enumerate(r)) + "</tr>"
                   for r in rows)
    group = "<colgroup>" + "".join(f'<col class="{c}">' for c in cols) + "</colgroup>" \
        if cols else ""
    return f"<table>{group}<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
