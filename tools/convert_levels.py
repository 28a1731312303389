"""Rewrite level files in the story-first format (docs/AUTHORING.md), keeping every comment
and every word of prose, and the level itself unchanged.

    python tools/convert_levels.py levels/tutorial.yaml    # rewrite one file in place
    python tools/convert_levels.py                         # every bundled level
    python tools/convert_levels.py --check FILE...         # say what would change; write nothing

What it changes, each only where the result reads back as the same value:

- a choice's `goto: x` (or `finish: true`) goes to the end of its text, `text: ... -> x`;
- its `id` goes when the id made from the text is the same; otherwise it is written first,
  `- wait: Wait for the green light -> station`;
- a choice left with nothing else is one line: `- Wait for the green light -> station`;
- `text: >-` (and every other folded `>-` text) becomes plain text on the key's line; one
  that holds `: ` or ` #` is put in double quotes if it has no `"`, else in single quotes if
  it has no `'` (with `--no-quotes` it keeps its `>-`: quotes are a trap for whoever later
  adds a `"` or an apostrophe to that text);
- `basis: reported` with `sources: [a, b]` becomes `reported: [a, b]`;
- `watchers: []` goes (a scene shows no watchers unless it lists them);
- a short block list or mapping of ids and numbers under `effects`, `needs`, `shown_if`,
  `baseline`, `when`, `watchers`, `sensors` or `sources` goes on one line:
  `effects: [money: -100, set: paid]`.

It can be run again on its own output (nothing more changes). A file is written only when the
converted level loads to the same level as the original (`Level` objects compared); otherwise
it is left alone and the command says so (exit 1). The file is read as YAML nodes
(`yaml.compose`: nothing is constructed from it).
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.content import load_text  # noqa: E402
from game.content.storyform import (BASES, FINISH, _FIELDS,  # noqa: E402
                                    _looks_like_a_field, derived_ids, split_arrow)
from game.content.yamlsafe import read_yaml  # noqa: E402

WIDTH = 120   # a folded-up line is never longer than this
FOLDED = ("effects", "needs", "shown_if", "baseline", "when", "watchers", "sensors", "sources")
_ID = re.compile(r"[a-z0-9_]+\Z")
_FLOW_SAFE = re.compile(r"[A-Za-z0-9_.\-]+\Z")   # a plain scalar that is safe in [..] and {..}


@dataclass
class Edit:
    first: int          # 0-based first line replaced
    last: int           # 0-based last line replaced (inclusive)
    new: list[str]


class NotTheSame(Exception):
    """The converted file does not load to the same level."""


# ---------------------------------------------------------------- the whole file

def convert(text: str, path: str = "level.yaml", quote: bool = True) -> str:
    """The file in the story-first format. Raises NotTheSame when the result would not load
    to the same level as `text` (then nothing should be written)."""
    windows = "\r\n" in text   # a file saved on Windows keeps its line ends
    original, text = text, text.replace("\r\n", "\n")
    lines = text.split("\n")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, MappingNode):
        return original
    edits: list[Edit] = []
    for key, value in root.value:
        if key.value in ("scenes", "endings") and isinstance(value, MappingNode):
            for _, part in value.value:
                if isinstance(part, MappingNode) and not part.flow_style:
                    edits += _part(part, lines, key.value == "scenes", quote)
    covered = {n for e in edits for n in range(e.first, e.last + 1)}
    edits += [e for e in _folded_texts(root, lines, quote) if e.first not in covered]
    out = _apply(lines, edits)
    _same(text, out, path)
    return out.replace("\n", "\r\n") if windows else out


def _apply(lines: list[str], edits: list[Edit]) -> str:
    out = list(lines)
    for edit in sorted(edits, key=lambda e: e.first, reverse=True):
        out[edit.first: edit.last + 1] = edit.new
    return "\n".join(out)


def _same(before: str, after: str, path: str) -> None:
    old, new = load_text(before, path), load_text(after, path)
    if old.level is None:
        raise NotTheSame(f"{path} has errors: fix them first (python -m game validate {path})")
    if new.level != old.level:
        raise NotTheSame(f"{path}: the converted level would not be the same; left as it was")


# ---------------------------------------------------------------- a scene or an ending

def _part(node: MappingNode, lines: list[str], scene: bool, quote: bool) -> list[Edit]:
    """Edits inside one scene or ending: its choices, and its short lists on one line."""
    edits: list[Edit] = []
    basis = _basis_first(node, lines)
    if basis:
        edits += basis
    for key, value in node.value:
        if scene and key.value == "choices" and isinstance(value, SequenceNode) \
                and not value.flow_style:
            edits += _choices(value, lines, quote)
        elif key.value == "watchers" and _empty(value, lines):
            edits.append(Edit(_line_of(key.start_mark), _line_of(key.start_mark), []))
        elif key.value in FOLDED and not (basis and key.value == "sources"):
            edits += _fold_entry(key, value, lines)
    return edits


def _empty(value: Node, lines: list[str]) -> bool:
    """`watchers: []` on a line of its own, with no comment: what a scene shows anyway."""
    line = lines[_line_of(value.start_mark)]
    return isinstance(value, SequenceNode) and not value.value and line.strip() == "watchers: []"


def _basis_first(node: MappingNode, lines: list[str]) -> list[Edit]:
    """`basis: reported` and `sources: [a, b]` as one line, `reported: [a, b]`."""
    entries = _entries(node)
    if "basis" not in entries or "sources" not in entries:
        return []
    (bkey, basis), (skey, sources) = entries["basis"], entries["sources"]
    flow = _flow(sources) if isinstance(sources, SequenceNode) else None
    if not isinstance(basis, ScalarNode) or basis.value not in BASES or flow is None:
        return []
    spans = [(_line_of(k.start_mark), _last_line(v, lines)) for k, v in (entries["basis"],
                                                                        entries["sources"])]
    if any("#" in lines[n] for s, e in spans for n in range(s, e + 1)) \
            or spans[0][0] != spans[0][1] or lines[spans[0][0]].lstrip().startswith("-"):
        return []
    line = lines[spans[0][0]][: bkey.start_mark.column] + f"{basis.value}: {flow}"
    if len(line) > WIDTH:
        return []
    return [Edit(spans[0][0], spans[0][1], [line]), Edit(spans[1][0], spans[1][1], [])]


def _choices(node: SequenceNode, lines: list[str], quote: bool) -> list[Edit]:
    keep = _ids_to_keep(node)
    edits = []
    for position, item in enumerate(node.value):
        if isinstance(item, MappingNode) and not item.flow_style:
            edit = _choice(item, lines, position in keep, quote)
            if edit is not None:
                edits.append(edit)
    return edits


def _ids_to_keep(node: SequenceNode) -> set[int]:
    """The positions of the choices whose `id` must stay written: those where the id made
    from the text (with the other written ids) would differ. Found by dropping ids until no
    made id changes; choices already written without an id must keep the ids they had."""
    ids: list[str | None] = []
    texts: list[str | None] = []
    for item in node.value:
        name, text = _id_and_text(item)
        ids.append(name)
        texts.append(text)
    fixed = {n for n, t in zip(ids, texts) if n is not None and t is None}
    idless = [i for i, n in enumerate(ids) if n is None]
    dropped = {i for i, n in enumerate(ids) if n is not None and texts[i] is not None}
    candidates = set(dropped)
    before = derived_ids([texts[i] for i in idless], fixed | {ids[i] or "" for i in dropped})
    while True:
        written = fixed | {ids[i] or "" for i in candidates - dropped}
        order = sorted(dropped | set(idless))
        made = dict(zip(order, derived_ids([texts[i] for i in order], written)))
        wrong = {i for i in dropped if made[i] != ids[i]}
        if [made[i] for i in idless] != before:
            return {i for i, n in enumerate(ids) if n is not None}
        if not wrong:
            return {i for i, n in enumerate(ids) if n is not None and i not in dropped}
        dropped -= wrong


def _id_and_text(item: Node) -> tuple[str | None, str | None]:
    """A choice's written id (None: made from the text) and the text its id is made from
    (None when its id is written in a way this tool keeps)."""
    if isinstance(item, ScalarNode):
        return None, split_arrow(item.value)[0]
    if not isinstance(item, MappingNode):
        return "", None
    entries = _entries(item)
    name, text = _scalar(entries, "id"), _scalar(entries, "text")
    if name is None and text is None:   # `- wait: Wait -> station`: the id is written first
        first = next((k for k in entries if k not in _FIELDS), "")
        return first, None
    if text is not None and (name is not None and _merges(entries) or name is None
                             and "goto" not in entries and FINISH not in entries):
        text = split_arrow(text)[0]
    return name, text


def _entries(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    return {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}


def _scalar(entries: dict, key: str) -> str | None:
    found = entries.get(key)
    return found[1].value if found and isinstance(found[1], ScalarNode) else None


def _merges(entries: dict) -> bool:
    """Whether a choice's `goto` or `finish: true` can go to the end of its text."""
    goto, finish = _scalar(entries, "goto"), _scalar(entries, FINISH)
    text = _scalar(entries, "text")
    if text is None or split_arrow(text)[1] is not None or (goto is None) == (finish is None):
        return False
    if goto is not None:
        return goto != FINISH and re.fullmatch(r"\S+", goto) is not None and \
            entries["goto"][1].style is None
    return finish == "true"


def _choice(item: MappingNode, lines: list[str], keep_id: bool, quote: bool) -> Edit | None:
    entries = _entries(item)
    if "text" not in entries or not isinstance(entries["text"][1], ScalarNode):
        return None   # an id-first choice, already converted, or one to leave alone
    first, last = _line_of(item.start_mark), _last_line(item, lines)
    dash = lines[first][: item.start_mark.column]
    if not dash.endswith("- ") or dash[:-2].strip():
        return None
    merges = _merges(entries)
    text = entries["text"][1].value
    head_text = f"{text} -> {_scalar(entries, 'goto') or FINISH}" if merges else text
    name = _scalar(entries, "id")
    keep_id = name is not None and keep_id
    taken = {"text"} | ({"goto", FINISH} if merges else set()) | ({"id"} if not keep_id else set())
    id_first = keep_id and _ID.match(name or "") and name not in _FIELDS \
        and not _looks_like_a_field(name or "")
    if id_first:
        taken.add("id")
    comments = [_comment(lines, entries[k][1]) for k in taken if k in entries]
    rest = [(k, v) for k, v in item.value if k.value not in taken]
    indent = " " * item.start_mark.column
    body = _body(item, rest, lines, indent, quote)
    if body is None:
        return None
    tail = "".join(f"  {c}" for c in comments if c)
    if not rest and not body:
        head = _render(head_text, f"{name}: " if id_first else "", seq=not id_first)
        new = [f"{dash}{name}: {head}{tail}" if id_first else f"{dash}{head}{tail}"]
    else:
        key = f"{name}" if id_first else "text"
        new = [f"{dash}{key}: {_render(head_text, key + ': ')}{tail}"] + body
    return Edit(first, last, new)


def _body(item: MappingNode, rest: list, lines: list[str], indent: str,
          quote: bool) -> list[str] | None:
    """The lines of the entries kept (and of the comments between them), each kept entry
    folded on one line where it can be. None when the entries are written in a way this
    tool does not rewrite (two on one line)."""
    out: list[str] = []
    spans = [(_line_of(k.start_mark), _last_line(v, lines), k, v) for k, v in item.value]
    kept = {id(k) for k, _ in rest}
    starts = [s for s, _, _, _ in spans]
    if len(set(starts)) != len(starts):
        return None
    covered = {n for s, e, _, _ in spans for n in range(s, e + 1)}
    first, last = _line_of(item.start_mark), max(e for _, e, _, _ in spans)
    for number in range(first, last + 1):
        if number not in covered:
            out.append(lines[number])   # a comment or a blank line between entries
            continue
        span = next(s for s in spans if s[0] == number) if number in starts else None
        if span is None or id(span[2]) not in kept:
            continue
        start, end, key, value = span
        folded = _folded(key, value, lines)
        if isinstance(value, ScalarNode) and value.style == ">":
            plain = _plain_text(key, value, lines, quote)
            folded = plain.new if plain is not None else None
        entry = list(folded if folded is not None else lines[start: end + 1])
        if start == first:   # the old first entry loses its `- `
            entry[0] = indent + entry[0][len(indent):]
        out += entry
    return out


# ---------------------------------------------------------------- one line for short things

def _fold_entry(key: ScalarNode, value: Node, lines: list[str]) -> list[Edit]:
    folded = _folded(key, value, lines)
    if folded is None:
        return []
    return [Edit(_line_of(key.start_mark), _last_line(value, lines), folded)]


def _folded(key: ScalarNode, value: Node, lines: list[str]) -> list[str] | None:
    """`key: [a, b]` on one line for a short block list or mapping of plain words."""
    if key.value not in FOLDED or not isinstance(value, (MappingNode, SequenceNode)) \
            or value.flow_style:
        return None
    first, last = _line_of(key.start_mark), _last_line(value, lines)
    if any("#" in line for line in lines[first: last + 1]):
        return None
    flow = _flow(value, top=True)
    line = lines[first][: key.start_mark.column] + f"{key.value}: {flow}"
    if flow is None or len(line) > WIDTH:
        return None
    return [line]


def _flow(node: Node, top: bool = False) -> str | None:
    if isinstance(node, ScalarNode):
        ok = node.style is None and _FLOW_SAFE.match(node.value) and node.tag != "!"
        return node.value if ok else None
    if isinstance(node, SequenceNode):
        items = []
        for item in node.value:
            if top and isinstance(item, MappingNode) and len(item.value) == 1:
                pair = _pair(*item.value[0])
                if pair is None:
                    return None
                items.append(pair)
            else:
                shown = _flow(item)
                if shown is None:
                    return None
                items.append(shown)
        return "[" + ", ".join(items) + "]"
    if isinstance(node, MappingNode):
        pairs = [_pair(k, v) for k, v in node.value]
        return None if None in pairs else "{" + ", ".join(p for p in pairs if p) + "}"
    return None


def _pair(key: Node, value: Node) -> str | None:
    shown_key, shown = _flow(key), _flow(value)
    return None if shown_key is None or shown is None else f"{shown_key}: {shown}"


# ---------------------------------------------------------------- folded texts

def _folded_texts(root: Node, lines: list[str], quote: bool) -> list[Edit]:
    """`key: >-` texts anywhere in the file written as plain text on the key's line."""
    edits: list[Edit] = []
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(value, ScalarNode) and value.style == ">":
                    edit = _plain_text(key, value, lines, quote)
                    if edit is not None:
                        edits.append(edit)
                else:
                    stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return edits


def _plain_text(key: ScalarNode, value: ScalarNode, lines: list[str],
                quote: bool) -> Edit | None:
    first, last = _line_of(key.start_mark), _last_line(value, lines)
    header = lines[first]
    if not header.rstrip().endswith(": >-") or first == last:
        return None
    body = lines[first + 1: last + 1]
    for opening, closing in (("", ""), ('"', '"'), ("'", "'"))[: 3 if quote else 1]:
        if opening and (opening in value.value or "\\" in value.value):
            continue
        new = [header.rstrip()[: -len(">-")] + opening + body[0].strip()] + body[1:]
        new[-1] += closing
        snippet = "k: " + "\n".join([opening + body[0].strip()] + [
            "  " + b.strip() if b.strip() else "" for b in body[1:]]) + closing
        data, _, problems = read_yaml(snippet, "<check>", marks=False)
        if not problems and data == {"k": value.value}:
            return Edit(first, last, new)
    return None


# ---------------------------------------------------------------- scalars and lines

def _render(value: str, before: str, seq: bool = False) -> str:
    """`value` written as a YAML scalar after `before` (`text: `) or as a list item: plain
    when it reads back the same, else in quotes."""
    candidates = [value] if "\n" not in value and value == value.strip() else []
    candidates += [_double(value)] if "'" in value else [_single(value), _double(value)]
    for shown in candidates:
        snippet = f"- {shown}" if seq else f"k: {shown}"
        data, _, problems = read_yaml(snippet, "<check>", marks=False)
        if not problems and data == ([value] if seq else {"k": value}):
            return shown
    return _double(value)


def _single(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _double(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _comment(lines: list[str], value: Node) -> str:
    """A comment after a one-line value (`goto: bank  # the long way`), or ""."""
    end = value.end_mark
    if value.start_mark.line != end.line:
        return ""
    rest = lines[end.line][end.column:].strip()
    return rest if rest.startswith("#") else ""


def _line_of(mark) -> int:
    return mark.line


def _last_line(node: Node, lines: list[str]) -> int:
    """The last line that holds part of this node."""
    if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        children = [v for pair in node.value for v in pair] \
            if isinstance(node, MappingNode) else node.value
        return max(_last_line(c, lines) for c in children)
    end = node.end_mark
    number = end.line
    if end.column == 0 or (isinstance(node, ScalarNode) and node.style in (">", "|")):
        number = end.line if end.column > 0 else end.line - 1
        while number > node.start_mark.line and (not lines[number].strip() or (
                lines[number].strip().startswith("#")
                and _indent(lines[number]) <= node.start_mark.column)):
            number -= 1
    return number


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# ---------------------------------------------------------------- the command

def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="write nothing")
    parser.add_argument("--no-quotes", action="store_true",
                        help="keep `>-` for a text that would need quotes")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "levels").glob("*.yaml"))
    status = 0
    for file in files:
        raw = file.read_bytes()
        bom = raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8-sig")   # as written: line ends are not changed
        try:
            out = convert(text, str(file), quote=not args.no_quotes)
        except NotTheSame as exc:
            print(exc)
            status = 1
            continue
        if out == text:
            print(f"{file}: already in the story-first format")
        elif args.check:
            print(f"{file}: would be rewritten")
        else:
            file.write_bytes(out.encode("utf-8-sig" if bom else "utf-8"))
            print(f"{file}: rewritten (same level)")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
