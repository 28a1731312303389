"""The debrief: the three-line verdict on the player's own game, the ending, the score over
time, the Transparency Report, the same choices under the other rules, the chilling effect
beside the published figures; folded away behind one line each (a key or a click opens
them): each dilemma answered both ways (P), the same choices under the other rules (R), the
discussion prompts (T) and what is real, the sources (S).

Everything here is read from `game.core` (debrief, verdict, contrast); the page only lays
it out.
"""
from __future__ import annotations

import pygame

from ...core import debrief as core_debrief
from ...core.changes import final_display
from ...core.contrast import Contrast, contrasts
from ...core.contrast_words import contrast_words, outcome_sentence
from ...core.verdict import verdict
from ...core.strings import CONTRAST_WHAT, PAIR_KIND_NAMES, cost_parts
from .. import intents, messages
from .. import strings as S
from .debrief_blocks import FigureCards, Fold, ReportTable, ScoreChart, Section
from .document import DocumentScreen, Label, Spacer, Text


class DebriefScreen(DocumentScreen):
    name = "debrief"
    hint = S.HINT_SCROLL
    page_w = 1160   # the report's six columns wrap less

    def __init__(self, app, session, chapter=None, after=()):
        """`after`: (label, intent) for each way on, from `game.ui.onward.after_chapter`."""
        super().__init__(app, S.DEBRIEF_TITLE)
        self.session, self.chapter, self.after = session, chapter, list(after)
        self.opened: set[int] = set()   # the keys of the folds opened (S, T)

    def actions(self):
        return [(label, self._asker(intent)) for label, intent in self.after]

    def _asker(self, intent):
        return lambda: self.app.ask(intent)

    def back(self) -> None:
        self.app.ask(intents.ToTitle())

    def handle(self, inp) -> None:
        fold = self._fold_hit(inp)
        if fold is not None:
            self.opened ^= {fold.key}
            self.layout()
            if fold.key in self.opened:   # show what opened: its line at the top of the view
                self.scroll.scroll(self._fold_top(fold.key) - 8 - self.scroll.offset)
            return
        super().handle(inp)

    def _fold_top(self, key: int) -> int:
        return next(r.y for b, r in self.placed if isinstance(b, Fold) and b.key == key)

    def _fold_hit(self, inp) -> Fold | None:
        """The fold a key names or a click lands on, if any."""
        folds = [b for b, _ in self.placed if isinstance(b, Fold)]
        if inp.kind == "key" and not inp.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            return next((f for f in folds if f.key == inp.key), None)
        if inp.kind == "press" and self.scroll.rect.collidepoint(inp.pos):
            dy = self.scroll.rect.y - round(self.scroll.offset)
            return next((b for b, r in self.placed
                         if isinstance(b, Fold) and r.move(0, dy).collidepoint(inp.pos)), None)
        return None

    def build(self):
        state = self.session.state
        return (self._verdict(state) + self._ending(state) + self._chart(state) +
                self._report(state) + self._chilling(state) + self._other_rules(state) +
                self._folded(pygame.K_t, self._discuss(), S.FOLD_TALK_OPEN, S.FOLD_TALK_CLOSE,
                             self._questions()) +
                self._folded(pygame.K_s, self._real(state), S.FOLD_SOURCES_OPEN,
                             S.FOLD_SOURCES_CLOSE, len(core_debrief.scenes_seen(state))))

    def _verdict(self, state) -> list:
        return [Label(S.VERDICT_LABEL),
                *[Text(line, "body_strong", space=6) for line in verdict(state)], Spacer(8)]

    def _folded(self, key: int, blocks: list, closed: str, opened: str, n: int) -> list:
        """A part of the page behind one line; opened, the line folds it away again."""
        if key in self.opened:
            return [Fold(opened, key), *blocks[1:]]   # the line stands for the heading
        return [Fold(closed.format(n=n), key)]

    def _questions(self) -> int:
        prompts = self.session.level.debrief
        return sum(len(getattr(prompts, key, []) or []) for key in S.DISCUSS_HEADINGS)

    def _ending(self, state) -> list:
        ending = self.session.ending
        if ending is None:
            return []
        return [Text(S.DEBRIEF_ENDING.format(title=ending.title,
                                             final=messages.final_line(final_display(state))),
                     muted=True), Spacer(4)]

    def _chart(self, state) -> list:
        """The score over time; none on a day nothing was scored (the verdict says so), and
        one line, not a chart, when the score never moved."""
        if final_display(state) is None:
            return []
        level = self.session.level
        points = core_debrief.to_the_end(core_debrief.score_over_time(state), state.step)
        blocks = [Section(S.SEC_SCORE)]
        if len({s for _, s in points}) <= 1:   # a flat line would say nothing more
            return blocks + [Text(S.CHART_EMPTY, muted=True)]
        lines = [(s.threshold, s.name) for s in level.services.values() if s.threshold]
        if level.blacklist is not None:
            lines.append((level.blacklist.below, level.blacklist.name))
        return blocks + [ScoreChart(points, _nearby(points, lines))]

    def _report(self, state) -> list:
        rows = core_debrief.transparency_report(state)
        blocks = [Section(S.SEC_REPORT), Text(S.REPORT_NOTE, muted=True)]
        if not rows:
            return blocks + [Text(S.REPORT_EMPTY, muted=True)]
        quiet = [r for r in rows if _quiet(r)]
        unseen = [r for r in rows if _unseen(r)]
        table = [ReportTable([_row(r) for r in rows if not (_quiet(r) or _unseen(r))])
                 ] if len(quiet) + len(unseen) < len(rows) else []
        if unseen:  # one line for them all: a watcher shown, and no one there to see
            table.append(Text(S.REPORT_UNSEEN.format(choices="; ".join(
                S.REPORT_UNSEEN_ONE.format(choice=r.choice_text, scene=r.scene_title,
                                           watchers=", ".join(r.watchers_shown))
                for r in unseen)), "small"))
        if quiet:   # one line for them all: their rows would say nothing but "not scored"
            table.append(Text(S.REPORT_QUIET.format(choices="; ".join(
                S.REPORT_QUIET_ONE.format(choice=r.choice_text, scene=r.scene_title)
                for r in quiet)), "small", muted=True))
        return blocks + table

    def _other_rules(self, state) -> list:
        """The same choices under each other ruleset (the choices that counted differently
        side by side, then where the two games ended or parted), folded behind one line."""
        each = contrasts(state)
        if not each:
            return []
        parts = [contrast_blocks(c) for c in each]
        # opened, the fold's line stands for the heading: one ruleset's own, or none
        blocks = parts[0] if len(parts) == 1 else [Spacer(0), *sum(parts, [])]
        return self._folded(pygame.K_r, blocks, S.FOLD_RULES_OPEN, S.FOLD_RULES_CLOSE,
                            sum(len(c.differing) for c in each))

    def _chilling(self, state) -> list:
        chill = core_debrief.chilling_effect(state)
        blocks = [Section(S.SEC_CHILLING)]
        you = S.NO_FIGURE
        if chill.pairs:
            candid = _candid_word(self.session.level)
            blocks.append(Text(S.CHILLING_SENTENCE.format(
                candid=candid, n=chill.candid_unscored, m=chill.pairs, k=chill.candid_scored),
                "body_strong"))
            lines = [Text(line, "small", indent=24, space=4) for line in self._pairs(chill)]
            blocks += self._folded(pygame.K_p, [Spacer(0), *lines], S.FOLD_PAIRS_OPEN,
                                   S.FOLD_PAIRS_CLOSE, len(lines)) if len(lines) > 1 else lines
            blocks.append(Spacer(8))
        if chill.case == "figure":
            you = _shift(chill.shift_percent, chill)
        else:
            blocks.append(Text(NOTHING_TO_COMPARE[chill.case], muted=True))
        return blocks + _cards_by_kind(state, chill, you)

    def _pairs(self, chill) -> list[str]:
        """Each pair counted above, one a line: the list and the count always agree."""
        pairs = self.session.level.baselines
        lines = []
        for pair_id, was, now in chill.compared:
            pair = pairs.get(pair_id)
            word = (pair.candid if pair else None) or S.CANDID_DEFAULT
            lines.append(S.CHILLING_PAIR.format(
                question=pair.question if pair else pair_id,
                before=word if was else S.CANDID_NOT, after=word if now else S.CANDID_NOT))
        return lines

    def _real(self, state) -> list:
        level = self.session.level
        blocks = [Section(S.SEC_REAL), Text(S.REAL_NOTE, muted=True)]
        for seen in core_debrief.scenes_seen(state):
            basis = S.BASIS_WORDS.get(seen.basis, seen.basis)
            titles = [_source_title(level.sources[k]) for k in seen.sources if k in level.sources]
            line = "; ".join(titles) if titles else S.BASIS_NO_SOURCES
            blocks += [Text(f"{seen.title}  ·  {basis}", "body_strong", space=0),
                       Text(line, "small", muted=True, space=10)]
        corrections = level.debrief.corrections
        if corrections:
            blocks.append(Label(S.SEC_CORRECTIONS))
            blocks += [Text(S.BULLET.format(text=c), indent=12, space=6) for c in corrections]
        return blocks

    def _discuss(self) -> list:
        prompts = self.session.level.debrief
        blocks = [Section(S.SEC_DISCUSS)]
        for key, heading in S.DISCUSS_HEADINGS.items():
            items = getattr(prompts, key, [])
            if items:
                blocks.append(Text(heading, "body_strong", space=4))
                blocks += [Text(S.BULLET.format(text=p), indent=12, space=6) for p in items]
                blocks.append(Spacer(8))
        return blocks


NOTHING_TO_COMPARE = {"none": S.CHILLING_NONE, "unscored_chapter": S.CHILLING_UNSCORED,
                      "held_back": S.CHILLING_HELD_BACK}


def contrast_blocks(each: Contrast) -> list:
    words = contrast_words(each)
    blocks = [Section(words.title), Text(words.intro, muted=True)]
    if each.differing:
        columns = ((CONTRAST_WHAT, 0.3), (each.own.name, 0.35), (each.other.name, 0.35))
        blocks.append(ReportTable([_contrast_row(r) for r in each.differing], columns))
    else:
        blocks += [Text(line) for line in words.rows]
    return blocks + [Text(line, space=10) for line in words.summary]


def _contrast_row(row) -> list:
    what = [(row.choice_text, "small")]
    if row.behaviour:
        what.insert(0, (row.behaviour, "small_strong"))
    return [what, [(outcome_sentence(row.own), "small")],
            [(outcome_sentence(row.other), "small")]]


def _nearby(points, lines) -> list:
    """Only thresholds near the scores reached, so the chart keeps its detail."""
    if not points:
        return lines
    lo, hi = min(s for _, s in points), max(s for _, s in points)
    span = max(100, hi - lo)
    return [(v, n) for v, n in lines if lo - span <= v <= hi + span]


def _quiet(r) -> bool:
    """A choice the report has nothing to say about: not scored, nothing changed, no watcher
    shown, no moment, seen by no one."""
    return not (r.scored or r.changes or r.later or r.watchers_shown or r.seen_by or
                r.moments or r.unshown)


def _unseen(r) -> bool:
    """A choice not scored, with a watcher shown that saw nothing: nothing changed, no
    moment, seen by no one. Its row would say only that, so one line says it for all."""
    return bool(r.watchers_shown) and not (r.scored or r.changes or r.later or r.seen_by or
                                           r.moments or r.unshown)


def _row(r) -> list:
    """A report row; the cost is everything the choice moved, split by cause below it."""
    watchers = ", ".join(r.watchers_shown) or S.NOBODY
    saw = ", ".join(r.seen_by) or S.NOBODY
    cost = [(messages.delta_label(r.delta) if r.delta else S.COST_NONE, "small_strong")]
    if len(r.changes) > 1:
        cost.append((cost_parts(r.changes, S.MINUS), "small"))
    if r.later:
        cost.append((S.COST_LATER.format(cost=messages.delta_label(r.later)), "small"))
    if not r.scored and not r.changes:
        cost = [(S.NOT_SCORED, "small_strong")]
    told = S.TOLD_YES.format(reason=r.reason) if r.told_why and r.reason else S.TOLD_NO
    moments = [((S.REPORT_MOMENT_REAL if m.recorded else S.REPORT_MOMENT_FAKE).format(
        name=m.name), "small_strong") for m in r.moments]
    no_sign = [(S.REPORT_NO_SIGN.format(names=", ".join(r.unshown)), "small_strong")
               ] if r.unshown else []
    return [[(r.scene_title, "small_strong"), (r.choice_text, "small")],
            [(r.behaviour or S.NO_BEHAVIOUR, "small")], [(watchers, "small"), *moments],
            [(saw, "small"), *no_sign], cost, [(told, "small")]]


def _candid_word(level) -> str:
    words = {p.candid for p in level.baselines.values() if p.candid}
    return words.pop() if len(words) == 1 else S.CANDID_DEFAULT


#: Each published figure, beside the one kind of dilemma it can be compared with.
BESIDE = {"expression": (S.PENNEY_SHORT, S.PENNEY_BAR, S.PENNEY),
          "rules": (S.BATESON_SHORT, S.BATESON_BAR, S.BATESON)}


def _cards_by_kind(state, chill, you: str) -> list:
    """Your figure for each kind of dilemma (lawful expression, rule-following) beside the
    published figure for that kind only; when the chapter marks no kinds, yours alone."""
    kinds = core_debrief.chilling_by_kind(state) if chill.case == "figure" else {}
    if not kinds:
        published = [] if chill.case == "figure" else list(BESIDE.values())
        note = [Text(S.CHILLING_NO_KINDS, "small", muted=True)] if chill.case == "figure" else []
        return [FigureCards([(S.YOU, you, _your_caption(chill)), *published]), *note]
    out = []
    for kind, part in kinds.items():   # the card's label names the kind in full
        label = S.YOU_KIND.format(name=PAIR_KIND_NAMES[kind])
        out.append(FigureCards([(label, _shift(part.shift_percent, part), _your_caption(part)),
                                BESIDE[kind]]))
    return out


def _shift(pct: float | None, chill=None) -> str:
    if pct is None and chill is not None and chill.pairs:
        return f"{chill.candid_unscored} → {chill.candid_scored}"
    if pct is None:
        return S.NO_FIGURE
    sign = "+" if round(pct) >= 0 else S.MINUS
    return S.PERCENT_SIGNED.format(sign=sign, n=abs(round(pct)))


def _your_caption(chill) -> str:
    if chill.case != "figure":   # the reason is said in full above the cards
        return S.CHILLING_NO_COMPARISON
    pct = chill.shift_percent
    if pct is None and chill.candid_scored > chill.candid_unscored:
        how = S.CHILLING_MORE_FROM_NONE      # no candid answer unscored: no percentage
    elif pct is None or round(pct) == 0:
        how = S.CHILLING_SAME
    elif pct > 0:
        how = S.CHILLING_MORE.format(n=round(pct))
    else:
        how = S.CHILLING_FEWER.format(n=round(-pct))
    return S.CHILLING_SHIFT.format(pct=how)


def _source_title(source) -> str:
    who = ", ".join(str(x) for x in (source.author, source.year) if x)
    return S.SOURCE_WITH_WHO.format(title=source.title, who=who) if who else source.title
