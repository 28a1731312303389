"""The analyzer's codes (A4xx), explained in the same shape as `game.content.codes.CODES`,
so they can join that table (`game.content.codebook`). `game.authoring` reports them.

A401-A408, A413 and A414 are problems (A402, A403 and A413 are errors: `analyze` exits 1),
A410-A412 are
information lines about what a player can reach.
"""
from __future__ import annotations

from .codes import Code

SEVERITY = {
    "A400": "info", "A401": "warning", "A402": "error", "A403": "error", "A404": "warning",
    "A405": "warning", "A406": "warning", "A407": "warning", "A408": "warning", "A413": "error",
    "A414": "warning",
    "A410": "info", "A411": "info", "A412": "info",
}

ANALYZE_CODES: dict[str, Code] = {
    "A400": Code(
        "What the analyzer found in a level",
        "One line per level with how many situations were checked; `analyze --json` puts "
        "everything the analyzer found about the level under `findings` on this line.",
        "", ""),
    "A401": Code(
        "A scene no player can reach",
        "The analyzer played every choice, as every persona under every ruleset, and no game "
        "ever arrives at this scene. Either no `goto` leads here, or every choice that leads "
        "here is always locked or hidden when a player could pick it.",
        "start: home\nscenes:\n  home:\n    choices:\n"
        "      - {id: go, text: Go, needs: {score_at_least: 2000}, goto: office}\n"
        "      - {id: stay, text: Stay, finish: true}\n",
        "start: home\nscenes:\n  home:\n    choices:\n"
        "      - {id: go, text: Go, needs: {score_at_least: 1000}, goto: office}\n"
        "      - {id: stay, text: Stay, finish: true}\n"),
    "A402": Code(
        "An ending no player can reach",
        "No game ends here. For an ending chosen by `finish: true`, its `when` never holds "
        "when a player finishes, or an ending listed before it always matches first (the "
        "first ending whose `when` holds wins). For an ending reached by `goto`, every choice "
        "that leads to it is always locked.",
        "endings:\n  any: {title: Over, text: ...}\n"
        "  trusted: {title: Trusted, text: ..., when: {score_at_least: 1100}}\n",
        "endings:\n  trusted: {title: Trusted, text: ..., when: {score_at_least: 1100}}\n"
        "  any: {title: Over, text: ...}\n"),
    "A403": Code(
        "A dead end",
        "A player can arrive at this scene with every choice locked (or hidden), and then "
        "cannot go on. The message gives an example: who, and the choices that lead there. "
        "Give the scene a choice with no `needs`, or make sure one choice is always open.",
        "station:\n  choices:\n    - {id: train, text: Take the train, needs: {service: rail},"
        " goto: city}\n",
        "station:\n  choices:\n    - {id: train, text: Take the train, needs: {service: rail},"
        " goto: city}\n    - {id: bus, text: Take the slow bus, goto: city}\n"),
    "A404": Code(
        "A choice that is never open",
        "In every game that reaches this scene, this choice is locked (its `needs` never "
        "holds) or hidden (its `shown_if` never holds). The message gives the scores a "
        "player can have here, which is often why a score condition never holds.",
        "needs: {score_at_least: 1500}   # the score's max is 1300\n",
        "needs: {score_at_least: 1050}\n"),
    "A405": Code(
        "A flag or counter that is tested but never set in any game",
        "A condition tests this flag (or counter), but in no game is it ever set (or "
        "counted): what sets it is in a scene or a choice no player reaches, or nothing "
        "counts the counter. The test is then always false (a counter stays at 0). A flag "
        "that nothing sets at all is W303, from `validate`.",
        "effects: [{count: {name: kindnes, by: 1}}]\n# ...\n"
        "needs: {counter: {name: kindness, at_least: 1}}\n",
        "effects: [{count: {name: kindness, by: 1}}]\n# ...\n"
        "needs: {counter: {name: kindness, at_least: 1}}\n"),
    "A406": Code(
        "A counter that is counted but never tested",
        "An effect, persona or preset counts this counter, but no condition ever tests it, "
        "so it changes nothing in the game. A flag that is set but never tested is W304, "
        "from `validate`.",
        "effects: [{count: {name: kindness, by: 1}}]\n",
        "effects: [{count: {name: kindness, by: 1}}]\n# ...\n"
        "when: {counter: {name: kindness, at_least: 3}}\n"),
    "A407": Code(
        "A service that never opens or never closes",
        "In every game, as every persona under every ruleset, this service stays open (or "
        "stays closed) from start to end, so the player never sees a door open or shut. "
        "Usually the threshold is below (or above) every score a player can have.",
        "rail: {name: High-speed rail, threshold: 500}\n",
        "rail: {name: High-speed rail, threshold: 950}\n"),
    "A408": Code(
        "Too many situations to check them all",
        "The analyzer merges games that are in the same situation, but this level has more "
        "different situations than it checks (scores, flags, counters, money and contacts "
        "all count). It stops, and leaves out what it cannot be sure of: which scenes, "
        "endings and choices can never be reached.",
        "# a counter that goes up by one at every choice of a long level\n",
        "# a flag, or a counter only tested against a few values\n"),
    "A413": Code(
        "A trap: a player can never reach an ending",
        "A player can arrive at this scene in a state from which no ending can ever be "
        "reached: a choice is always open, but every way on leads round among the same "
        "scenes (a loop with no way out, or a way out that is always locked). The game "
        "never ends for them. The message gives who gets there and how, and the scenes of "
        "the trap. Give one of them a choice that leads on to an ending.",
        "lobby:\n  choices:\n    - {id: wait, text: Wait, goto: queue}\n"
        "queue:\n  choices:\n    - {id: back, text: Back to the lobby, goto: lobby}\n",
        "lobby:\n  choices:\n    - {id: wait, text: Wait, goto: queue}\n"
        "queue:\n  choices:\n    - {id: back, text: Back to the lobby, goto: lobby}\n"
        "    - {id: leave, text: Give up and leave, finish: true}\n"),
    "A414": Code(
        "`minutes:` far from how long the level plays",
        "The level's `minutes:` (how long it plays, shown to players and teachers) differs by "
        "more than half from the analyzer's estimate (A412: the words read, at 200 words a "
        "minute, and 5 seconds for each choice). Set `minutes:` near the estimate, or play "
        "the level once and write how long it took.",
        "minutes: 6     # but a game takes 8-9 choices, about 2.1 to 2.4 minutes\n",
        "minutes: 2\n"),
    "A410": Code(
        "The scores a player can have at a scene",
        "The lowest and highest score any player can have on arriving at this scene.",
        "", ""),
    "A411": Code(
        "Who can reach an ending, and the shortest way there",
        "Which personas and rulesets can reach this ending, the shortest list of choices "
        "that does (as the numbers `play --choices` takes), and the final scores.",
        "", ""),
    "A412": Code(
        "How long a game is",
        "The shortest and longest games, in choices and in minutes (the words read, at 200 "
        "words a minute, and 5 seconds for each choice).",
        "", ""),
}
