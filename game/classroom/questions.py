"""What students learned, measured: a few short questions asked before play and again after
the debrief (optional: the classroom file's `questions:`), after Bad News's in-game
pre/post design.

The bank is `levels/classroom/questions.yaml`, read with the safe YAML reader and checked
here (problems as C116 diagnostics with the file's line). A classroom file names `standard`
(every question of the bank) or a list of ids (C117 for one the bank does not have). A
session's answers go into its export as `questions` (`answered`); the class report shows,
per question, the shift in the share choosing the marked answer with a 95% range
(`class_shifts`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.diagnostics import Diagnostic, did_you_mean, error
from ..content.yamlsafe import find_mark, read_yaml
from ..resources import levels_dir

BANK = levels_dir() / "classroom" / "questions.yaml"
MAX_BYTES = 64 * 1024
MIN_ASKED, MAX_ASKED = 1, 6
#: An option is one line on a kiosk button: longer ones would be cut off.
MAX_OPTION = 60
KINDS = ("fact", "opinion")
_ID_OK = "abcdefghijklmnopqrstuvwxyz0123456789_"


@dataclass(frozen=True)
class Question:
    id: str
    about: str
    kind: str             # "fact" or "opinion"
    ask: str
    options: tuple[str, ...]
    mark: int             # from 1: the documented answer (fact) or the one followed (opinion)
    source: str = ""

    @property
    def marked(self) -> str:
        return self.options[self.mark - 1]


def load_bank(path: Path = BANK) -> tuple[list[Question], list[Diagnostic]]:
    """The questions of a bank file, or the problems that stop it being used (each with the
    file's line and column). Never raises on bad input."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()[:MAX_BYTES + 1]
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [error("C116", name, 1, 1, f"the question bank cannot be read ({exc})",
                          "give the path of a question file saved as UTF-8 text")]
    if len(raw) > MAX_BYTES:
        return [], [error("C116", name, 1, 1, "this file is far too big for a question bank",
                          "a bank is a few short questions: see levels/classroom/questions.yaml")]
    return read_bank(text, name)


def read_bank(text: str, path: str) -> tuple[list[Question], list[Diagnostic]]:
    data, marks, problems = read_yaml(text, path)
    if any(d.severity == "error" for d in problems):
        return [], problems
    if not isinstance(data, dict) or data.get("format") != 1 or \
            not isinstance(data.get("questions"), list):
        return [], [error("C116", path, 1, 1, "a question bank is a mapping with `format: 1` "
                          "and a list `questions:`", "see levels/classroom/questions.yaml")]
    found, seen = [], set()
    for i, item in enumerate(data["questions"]):
        question, why = _question(item)
        if why:
            key = why[0]
            line, col = find_mark(marks, ("questions", i, key) if key else ("questions", i))
            problems.append(error("C116", path, line, col, f"question {i + 1}: {why[1]}",
                                  why[2]))
        elif question.id in seen:
            line, col = find_mark(marks, ("questions", i, "id"))
            problems.append(error("C116", path, line, col, f"the id `{question.id}` is used "
                                  "twice", "give each question its own id"))
        else:
            seen.add(question.id)
            found.append(question)
    return ([] if problems else found), problems


_KEYS = {"id", "about", "kind", "ask", "options", "mark", "source"}


def _question(item) -> tuple[Question | None, tuple[str, str, str] | None]:
    """One question, or (the key at fault, what is wrong, how to fix it)."""
    if not isinstance(item, dict):
        return None, ("", "is not a mapping", "write `- id: ...` then its keys, indented")
    extra = sorted(set(item) - _KEYS)
    if extra:
        return None, (extra[0], f"unknown key `{extra[0]}`",
                      f"the keys are: {', '.join(sorted(_KEYS))}")
    for key in ("id", "about", "kind", "ask", "options", "mark"):
        if key not in item:
            return None, ("", f"`{key}` is missing", f"add `{key}:`")
    qid, kind, options, mark = item["id"], item["kind"], item["options"], item["mark"]
    if not isinstance(qid, str) or not qid or qid[0].isdigit() or set(qid) - set(_ID_OK):
        return None, ("id", "the id must be lower-case letters, digits and _",
                      "write something like `id: who_decides`")
    if kind not in KINDS:
        return None, ("kind", f"`kind` cannot be `{kind}`", "write `fact` or `opinion`")
    for key in ("about", "ask", "source"):
        if not isinstance(item.get(key, ""), str) or len(item.get(key, "")) > 300:
            return None, (key, f"`{key}` must be text of at most 300 characters",
                          "write one short sentence")
    if not isinstance(options, list) or not 2 <= len(options) <= 4 or \
            not all(isinstance(o, str) and 0 < len(o) <= MAX_OPTION for o in options):
        return None, ("options", f"`options` must be a list of 2 to 4 answers of at most "
                      f"{MAX_OPTION} characters (one line on a button)",
                      "write each answer on its own line starting with `- `, shortened")
    if not isinstance(mark, int) or isinstance(mark, bool) or not 1 <= mark <= len(options):
        return None, ("mark", f"`mark` must be the number of one of the {len(options)} "
                      "options", "write `mark: 2` for the second option")
    if kind == "fact" and not item.get("source"):
        return None, ("", "a fact question needs its `source`", "add `source:` with where "
                      "the answer is documented (a URL or a reference)")
    return Question(qid, item["about"], kind, item["ask"], tuple(options), mark,
                    item.get("source", "")), None


def pick(bank: list[Question], wanted) -> tuple[list[Question], list[str]]:
    """The questions a classroom file asks for (`standard`: all), and the ids the bank does
    not have."""
    if wanted == "standard":
        return list(bank), []
    by_id = {q.id: q for q in bank}
    return [by_id[w] for w in wanted if w in by_id], [w for w in wanted if w not in by_id]


def check_wanted(wanted, path: str, at) -> list[Diagnostic]:
    """A classroom file's `questions:` against the bank: the bank's own problems (C116), ids
    it does not have and a count out of range (C117). `at(*loc)` gives a line and column."""
    bank, problems = load_bank()
    found, unknown = pick(bank, wanted)
    for qid in unknown:
        hint = did_you_mean(qid, [q.id for q in bank]) or \
            f"the questions are: {', '.join(q.id for q in bank)}"
        problems.append(error("C117", path, *at("questions", wanted.index(qid)),
                              f"the question bank has no question `{qid}`", hint))
    if bank and not unknown and not MIN_ASKED <= len(found) <= MAX_ASKED:
        problems.append(error("C117", path, *at("questions"), f"ask between {MIN_ASKED} and "
                              f"{MAX_ASKED} questions", "write `questions: standard`, or "
                              "list a few ids"))
    return problems


def answered(questions: list[Question], before: dict, after: dict) -> list[dict]:
    """The export's `questions`: each question with the option chosen before play and after
    the debrief (1-based, None when skipped)."""
    return [{"id": q.id, "ask": q.ask, "kind": q.kind, "mark": q.mark, "marked": q.marked,
             "before": _option(before.get(q.id), q), "after": _option(after.get(q.id), q)}
            for q in questions]


def _option(value, question: Question) -> int | None:
    return value if isinstance(value, int) and 1 <= value <= len(question.options) else None


def class_shifts(sessions: list[dict]) -> list[dict]:
    """Per question asked in the class: the students who answered it both times, the share
    choosing the marked answer before and after, and the shift (points) with its 95% range
    (`fairness.proportion_interval`)."""
    from .fairness import proportion_interval
    rows: dict[str, dict] = {}
    for s in sessions:
        for q in s.get("questions") or []:
            row = rows.setdefault(q["id"], {"id": q["id"], "ask": q["ask"], "kind": q["kind"],
                                            "marked": q["marked"], "pairs": []})
            if q["before"] is not None and q["after"] is not None:
                row["pairs"].append((q["before"] == q["mark"], q["after"] == q["mark"]))
    out = []
    for row in rows.values():
        pairs = row.pop("pairs")
        n = len(pairs)
        row.update(n=n, before=sum(b for b, _ in pairs), after=sum(a for _, a in pairs),
                   shift=proportion_interval(pairs))
        out.append(row)
    return out
