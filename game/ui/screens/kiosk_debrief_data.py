"""What each debrief step shows of the player's own data in the kiosk (the page's left
column), read from `game.classroom.debrief_steps`: the verdict, the ending and the score
chart in view; the longer parts (what happened line by line, each study in full, each dilemma
answered both ways, what is real and the sources, the same choices under the other rules)
folded behind one line each, which a click, a tap or Enter opens.
"""
from __future__ import annotations

from ...classroom import strings as K
from ...classroom.debrief_steps import step_data
from .. import strings as S
from .debrief_blocks import FigureCards, Fold, ScoreChart
from .document import Label, Spacer, Text

#: one number for each folded part, so a page knows which of its folds are open
FOLD_HAPPENED, FOLD_PAIRS, FOLD_REAL, FOLD_RULES, FOLD_STUDIES = 1, 2, 3, 4, 5


def step_blocks(key: str, data: dict, level, opened: set[int]) -> list:
    """The blocks step `key` shows; `opened`: the folds open."""
    return _MAKERS[key](step_data(key, data, level), opened)


def folded(fold: int, text: str, blocks: list, opened: set[int]) -> list:
    """`blocks` behind one line saying `text`; opened, the line folds them away again."""
    if fold in opened:
        return [Fold(K.FOLD_CLOSE.format(text=text), fold), *blocks]
    return [Fold(K.FOLD_OPEN.format(text=text), fold)]


def _feel(d: dict, opened: set[int]) -> list:
    lines = d["verdict"]
    out = [Label(S.VERDICT_LABEL), *[Text(line, "body_strong", space=6) for line in lines]
           ] if lines else [Text(d["lead"], "body_strong")]
    if d["ending"]:
        final = S.FINAL_SCORE.format(score=d["final"]) + "." if d["final"] is not None else ""
        out.append(Text(S.DEBRIEF_ENDING.format(title=d["ending"], final=final).strip(),
                        muted=True, space=8))
    return out


def _happened(d: dict, opened: set[int]) -> list:
    if not d["points"]:
        return [Text(S.REPORT_EMPTY, muted=True)]
    lines = [Text(S.BULLET.format(text=line), "small", space=6) for line in d["lines"]]
    return [Label(S.SEC_SCORE), ScoreChart(d["points"], d["thresholds"]),
            *folded(FOLD_HAPPENED, K.FOLD_HAPPENED.format(n=len(lines)), lines, opened)]


def _learned(d: dict, opened: set[int]) -> list:
    out = [Label(S.SEC_CHILLING), Text(d["lead"], "body_strong")]
    for kind in d["kinds"]:   # each kind beside the one study it compares with
        out += [Text(kind["name"], "body_strong", space=4), FigureCards(kind["cards"])]
    if d["cards"]:
        out.append(FigureCards(d["cards"]))
    studies = [Text(K.STUDY_IN_FULL.format(**st), "small", space=8) for st in d["studies"]]
    if studies:     # the cards say each study in one short sentence; here, in full
        out += folded(FOLD_STUDIES, K.FOLD_STUDIES, studies, opened)
    pairs = [Text(S.CHILLING_PAIR.format(**p), "small", indent=16, space=4)
             for p in d["pairs"]]
    return out + (folded(FOLD_PAIRS, K.FOLD_PAIRS.format(n=len(pairs)), pairs, opened)
                  if len(pairs) > 1 else pairs)     # one line needs no line to open it


def _relates(d: dict, opened: set[int]) -> list:
    real = [Text(S.BULLET.format(text=c), "small", space=6) for c in d["lines"]]
    real += [Spacer(6)] + [Text(ref, "small", muted=True, space=4) for ref in d["refs"]]
    line = K.FOLD_REAL.format(n=len(d["lines"])) if d["lines"] else K.FOLD_SOURCES
    return [Label(d["lead"]), *folded(FOLD_REAL, line, real, opened)]


def _what_if(d: dict, opened: set[int]) -> list:
    out = [Spacer(12), Text(d["lead"], "body_strong")] if d["lead"] else []
    contrasts: list = []
    for each in d["contrasts"]:   # the same choices under the other rules
        title = [Label(each["title"])] if len(d["contrasts"]) > 1 else []  # else: the fold's
        contrasts += [Spacer(8), *title, Text(each["intro"], "small", space=8)]
        contrasts += [Text(line, "small", space=8) for line in each["lines"]]
    if contrasts:
        out += folded(FOLD_RULES, K.FOLD_RULES, contrasts, opened)
    return out


def _next(d: dict, opened: set[int]) -> list:
    return [Text(d["lead"], "body_strong")]   # what unticked means goes under the tick box


_MAKERS = {"feel": _feel, "happened": _happened, "learned": _learned, "relates": _relates,
           "what_if": _what_if, "next": _next}
