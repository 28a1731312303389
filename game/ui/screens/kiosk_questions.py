"""The lesson's short questions in the kiosk (`questions:` in the classroom file): one
screen per question, asked before play and again after the debrief. A number key or a click
answers; "Skip" (or Esc) leaves it unanswered."""
from __future__ import annotations

from ...classroom import strings as K
from .menu import CardListScreen, Item


class QuestionScreen(CardListScreen):
    """One question: its options, then "Skip this question"."""
    name = "question"
    hint = K.QUESTION_HINT
    width = 1080      # an option (up to `questions.MAX_OPTION` characters) on one line

    def back(self) -> None:
        self.on_pick(0)


def ask_in_turn(app, questions: list, heading: str, done) -> None:
    """Ask each question on its own screen, then `done({id: option chosen})`."""
    chosen: dict[str, int] = {}

    def show(i: int, first: bool = False) -> None:
        if i == len(questions):
            done(chosen)
            return
        q = questions[i]

        def picked(value) -> None:
            if value:
                chosen[q.id] = value
            show(i + 1)

        items = [Item(text, "", n) for n, text in enumerate(q.options, 1)]
        items.append(Item(K.QUESTION_SKIP, "", 0))
        screen = QuestionScreen(app, K.QUESTION_OF.format(n=i + 1, of=len(questions)), q.ask,
                                items, picked, header=heading.format(n=len(questions)))
        (app.push if first else app.replace)(screen)

    if questions:
        show(0, first=True)
    else:
        done(chosen)
