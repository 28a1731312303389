"""The classroom file's codes (C1xx), explained in the same shape as `game.content.codes.CODES`,
so `validate --explain C105` can read them beside the level codes (E/W) and the analyzer's
(A4xx) (`game.content.codebook`). `game.classroom.config` reports them; docs/TEACHERS.md
lists them too (`python -m game.classroom.codedocs`).

A classroom file is read with the same safe YAML reader as a level, so a YAML mistake in it
gets the same E0xx codes (E001 not valid YAML, E003 a key twice, ...).
"""
from __future__ import annotations

from .codes import Code

CLASSROOM_CODES: dict[str, Code] = {
    "C100": Code(
        "Not a classroom file",
        "A classroom file is a YAML mapping that starts with `format: 1` and says which "
        "chapters to play and where to put the exports. This file is empty, is a list, or "
        "is a single value.",
        "- day_zero\n- pilot_city\n",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"),
    "C101": Code(
        "Unknown key",
        "The classroom file has a key the game does not know, often a typo. Every key is "
        "listed in docs/TEACHERS.md; the hint says which one was probably meant.",
        "format: 1\nchapter: [day_zero, pilot_city]\nexport_folder: exports\n",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"),
    "C102": Code(
        "A required key is missing",
        "`format`, `chapters` and `export_folder` must be written: the game needs to know "
        "which chapters to play and where the session files go.",
        "format: 1\nchapters: [pilot_city]\n",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\n"),
    "C103": Code(
        "A value of the wrong kind",
        "A key has a value of the wrong kind: text where a number belongs, a word that is not "
        "one of the allowed ones (`persona` is `chosen`, `random` or `alternating`), or a "
        "single word where a list belongs.",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\npersona: sometimes\n",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\npersona: alternating\n"),
    "C104": Code(
        "A number out of range",
        "A number is too small or too large: the time limit is 5 to 240 minutes, the idle "
        "reset 1 to 60 minutes, the warning 1 to 30 minutes.",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\ntime_limit_minutes: 2\n",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\ntime_limit_minutes: 20\n"),
    "C105": Code(
        "An unknown chapter",
        "A chapter is a level id (see `python -m game levels`) or the path of a level file, "
        "relative to the classroom file. No bundled level has this id and no file is there.",
        "format: 1\nchapters: [day_zero, pilot]\nexport_folder: exports\n",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"),
    "C106": Code(
        "A chapter that cannot be played",
        "The chapter's level file has errors, so no student could play it. Run "
        "`python -m game validate` on the level to see them.",
        "format: 1\nchapters: [my_broken_level.yaml]\nexport_folder: exports\n",
        "format: 1\nchapters: [my_fixed_level.yaml]\nexport_folder: exports\n"),
    "C107": Code(
        "A persona that is not in every chapter",
        "A student keeps one persona from chapter to chapter, so every persona listed (or, "
        "when none are listed, at least one) must exist in every chapter. The hint names "
        "the personas the chapters share.",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"
        "personas: [student]\n",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"
        "personas: [migrant]\n"),
    "C108": Code(
        "An unknown ruleset",
        "`ruleset` is the id of a ruleset in a scored chapter (`python -m game levels` lists "
        "each chapter's rulesets), or `chosen` (the student picks), `random`, or `both` "
        "(each in turn). Unscored chapters keep their own ruleset.",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\nruleset: strict\n",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\nruleset: chosen\n"),
    "C109": Code(
        "Counterbalancing needs one unscored and one scored chapter",
        "With `counterbalance: true`, half the class plays the scored chapter first and the "
        "unscored one (Day Zero) after. That needs exactly two chapters: one unscored, one "
        "scored, sharing baseline pairs. With `ruleset: both`, one scored chapter alone is "
        "also fine: then half the class plays its rulesets in the other order.",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\ncounterbalance: true\n",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"
        "counterbalance: true\n"),
    "C110": Code(
        "A language that does not exist yet",
        "The prompts and the interface exist only in English (`en`) so far. Every word a "
        "player reads comes from a level file or one module of interface strings, so a "
        "translation can be added later.",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\nlanguage: fr\n",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\nlanguage: en\n"),
    "C111": Code(
        "Exit keys that are not valid or too easy to press",
        "`exit_keys` is the teacher's way out of kiosk mode, written like `ctrl+shift+q`: at "
        "least two of ctrl, shift and alt (ctrl or alt among them), then one letter, digit "
        "or F1-F12. Esc cannot be used: students press it.",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\nexit_keys: escape\n",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\nexit_keys: ctrl+shift+q\n"),
    "C112": Code(
        "A warning that comes before the lesson starts",
        "The warning before the end (`warning_minutes`) must come after play starts, so it "
        "must be shorter than the time limit (`time_limit_minutes`).",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\n"
        "time_limit_minutes: 5\nwarning_minutes: 10\n",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\n"
        "time_limit_minutes: 20\nwarning_minutes: 2\n"),
    "C113": Code(
        "An export folder that cannot be used",
        "`export_folder` is where each student's session file goes, relative to the classroom "
        "file (or an absolute path). It must be a folder the game can create and write in, "
        "and not a file.",
        "format: 1\nchapters: [pilot_city]\nexport_folder: classroom.yaml\n",
        "format: 1\nchapters: [pilot_city]\nexport_folder: exports\n"),
    "C114": Code(
        "A chapter listed twice",
        "Each chapter is played once per student, in the order listed; a chapter listed "
        "twice is probably a copy-and-paste slip. List it once.",
        "format: 1\nchapters: [pilot_city, pilot_city]\nexport_folder: exports\n",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"),
    "C115": Code(
        "Both rulesets, but no chapter has two",
        "`ruleset: both` plays the scored chapter once under each of its rulesets, one after "
        "the other, so students can compare the two. Every scored chapter listed needs two "
        "rulesets or more, and at least one chapter must be scored (Day Zero is not).",
        "format: 1\nchapters: [day_zero]\nexport_folder: exports\nruleset: both\n",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"
        "ruleset: both\n"),
    "C116": Code(
        "A question bank with a problem",
        "The lesson's short questions (`questions:` in the classroom file) come from "
        "levels/classroom/questions.yaml. Each question needs an `id`, `about`, `kind` "
        "(`fact` or `opinion`), `ask`, two to four `options` and `mark` (the number of the "
        "documented answer, or of the answer the report follows); a fact question also "
        "needs its `source`.",
        "format: 1\nquestions:\n  - id: decides\n    about: who decides\n    kind: fact\n"
        "    ask: Who decides?\n    options: [A score, A court]\n    mark: 3\n",
        "format: 1\nquestions:\n  - id: decides\n    about: who decides\n    kind: fact\n"
        "    ask: Who decides?\n    options: [A score, A court]\n    mark: 2\n"
        "    source: https://www.chinalawtranslate.com/en/court-blacklist/\n"),
    "C117": Code(
        "A question the bank does not have",
        "`questions:` is `standard` (every question of levels/classroom/questions.yaml) or a "
        "list of its ids, at most six. The hint names the id that was probably meant.",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"
        "questions: [decide, listing]\n",
        "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"
        "questions: [decides, listing]\n"),
}
