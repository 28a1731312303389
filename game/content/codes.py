"""Every diagnostic code, explained: the table behind `validate --explain CODE` and the error
list in docs/AUTHORING.md.

Codes are stable: E0xx the file and its YAML, E1xx the level's shape (the schema), E2xx
references between parts of the level, W3xx warnings (the level loads, but something looks
wrong). Each entry has a title, a short explanation, a small wrong example and the fixed one.
"""
from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    title: str
    explanation: str
    wrong: str
    fixed: str


def severity(code: str) -> str:
    """"error" or "warning", from the code's letter."""
    return "warning" if code.startswith("W") else "error"


def explain(code: str) -> str:
    """The long explanation of a code, as `validate --explain CODE` prints it."""
    entry = CODES.get(code.upper())
    if entry is None:
        return f"There is no code `{code}`. Codes look like E101, W303, A402 or C105."
    code = code.upper()
    return (f"{code} ({severity(code)}): {entry.title}\n\n{entry.explanation}\n\n"
            f"Wrong:\n{_indented(entry.wrong)}\n\nRight:\n{_indented(entry.fixed)}\n")


def _indented(example: str) -> str:
    return "\n".join("    " + line for line in example.splitlines())


CODES: dict[str, Code] = {
    # ------------------------------------------------------------ the file and its YAML
    "E001": Code(
        "Not valid YAML",
        "The file could not be read as YAML. Usually a line is indented differently from its "
        "neighbours, a tab is used for indenting, or text containing `: ` is not in quotes. "
        "The position shows where the reader gave up; the mistake is there or just above. "
        "The quoting traps of prose are named for what they are: a text that starts with "
        "quoted dialogue (`\"Hi,\" she says.`: YAML reads only `\"Hi,\"`), an apostrophe "
        "inside '…' (it ends the text), and curly quotes (“…”, which YAML reads as letters) "
        "around text with `: `. Text written under `>-`, on the lines below its key, needs "
        "no quotes at all.",
        "title: Morning: the alarm rings\ntext: \"Five stars?\" the driver asks.\n"
        "reply: 'She's fine.'\n",
        'title: "Morning: the alarm rings"\ntext: >-\n  "Five stars?" the driver asks.\n'
        "reply: >-\n  She's fine.\n"),
    "E002": Code(
        "Tags are not allowed",
        "A tag starts with `!` (like `!!python/object`) and asks the reader to build a special "
        "kind of value. Level files only hold text, numbers, true/false, lists and mappings, so "
        "tags are refused: a level file can never run code.",
        "title: !!python/object:os.system echo\n",
        "title: The morning\n"),
    "E003": Code(
        "A key appears twice",
        "The same key is written twice in one mapping. Only the first one is used, so the "
        "second is probably a mistake: a copy-and-paste, or two scenes with the same id. "
        "When it happens inside a choice (or another list item), the next choice has lost "
        "its `- ` and runs into the one above: that is said once, at the first key twice.",
        "scenes:\n  office:\n    title: Office\n  office:\n    title: Office again\n",
        "scenes:\n  office:\n    title: Office\n  office_late:\n    title: Office again\n"),
    "E004": Code(
        "A list or mapping used as a key",
        "Keys must be simple words. A `[list]`, a `{mapping}` or a `? ` complex key cannot be "
        "a key in a level file.",
        "[a, b]: 1\n",
        "a: 1\nb: 1\n"),
    "E005": Code(
        "Too many aliases",
        "`&name` marks a value and `*name` repeats it. Repeating values that repeat values can "
        "make a small file explode into billions of values (a 'billion laughs' attack), so "
        "files that would grow far too large are refused.",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n# ... and so on, many times\n",
        "a: [x, x, x]\n"),
    "E006": Code(
        "Nested too deeply",
        "Lists and mappings inside each other more than 64 levels deep. No level needs this; "
        "such files are refused before they can slow the game down.",
        "a: [[[[[[[[[[[[[[[[[[[[[[[[[[ ... ]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
        "a: [1, 2]\n"),
    "E007": Code(
        "File too big",
        "Level files are limited to 16 MB. Split a very long level into several files "
        "(chapters).",
        "# a 20 MB file\n",
        "# several smaller files, one per chapter\n"),
    "E008": Code(
        "More than one document",
        "A line `---` starts a new YAML document. A level file must be exactly one document, "
        "so remove the extra `---` (or move the second part to its own file).",
        "format: 1\nid: one\n---\nformat: 1\nid: two\n",
        "format: 1\nid: one\n"),
    "E009": Code(
        "A value does not match its tag",
        "A standard tag such as `!!int` says what kind of value follows, but the value does "
        "not fit it. Remove the tag and write the value plainly.",
        "minutes: !!int ten\n",
        "minutes: 10\n"),
    "E010": Code(
        "An alias with no anchor",
        "`*name` repeats a value marked `&name` earlier in the file. Here no `&name` comes "
        "before it, or the alias is inside the very value it names.",
        "persona_flags: *city_flags\n",
        "persona_flags: &city_flags [city]\nother_flags: *city_flags\n"),
    "E011": Code(
        "The file cannot be read",
        "The file is missing, is a folder, cannot be opened, or is not saved as UTF-8 text. "
        "Check the path, and save the file as UTF-8 in your editor (most editors show the "
        "encoding in the status bar or in 'Save as').",
        "# levels/chapter1.yaml saved as Windows-1252 (Latin-1)\n",
        "# levels/chapter1.yaml saved as UTF-8\n"),
    "E012": Code(
        "Missing or unknown level format",
        "Every level starts with `format: 1`, the version of the level format it is written "
        "in. This game reads the versions listed in the message. A file without the line, or "
        "with a version this game does not know (perhaps made for a newer game), is not read "
        "further.",
        "id: tutorial\ntitle: First day\n",
        "format: 1\nid: tutorial\ntitle: First day\n"),
    "E013": Code(
        "Not a level",
        "The file is empty, or it is a list or a single value instead of a mapping of keys. A "
        "level is a mapping: `format:`, `id:`, `title:` and the rest, each at the start of a "
        "line with no `- ` before it.",
        "- format: 1\n- id: tutorial\n",
        "format: 1\nid: tutorial\n"),
    "E014": Code(
        "A hidden control character in a text",
        "A text or a key holds a character nobody can see: a control character (like NUL or "
        "ESC) or a bidi control that reorders the text. They are written as `\\` codes inside "
        "\"double quotes\", like `\\0`, `\\e` or `\\u202e`. They could break the game's "
        "screen, take over a terminal, or make a text read differently from what it says. Only "
        "`\\n` (a new line) and `\\t` (a tab) are allowed.",
        'title: "First\\0 day"\n',
        'title: "First day"\n'),
    # ------------------------------------------------------------ the level's shape
    "E101": Code(
        "Unknown key",
        "This key means nothing here: often a typo, or a key put at the wrong indentation "
        "(inside the wrong mapping). The hint suggests the nearest known key. Every key a "
        "mapping can have is listed in docs/AUTHORING.md and in the JSON Schema.",
        "scenes:\n  office:\n    titel: The office\n",
        "scenes:\n  office:\n    title: The office\n"),
    "E102": Code(
        "A required key is missing",
        "Some keys must always be written, like a scene's `title`, `text`, `basis` and "
        "`choices`. The position points at the mapping that lacks the key; the hint says what "
        "the key means.",
        "scenes:\n  office:\n    text: You sit at your desk.\n    basis: fiction\n"
        "    choices: [{id: work, text: Work, finish: true}]\n",
        "scenes:\n  office:\n    title: The office\n    text: You sit at your desk.\n"
        "    basis: fiction\n    choices: [{id: work, text: Work, finish: true}]\n"),
    "E103": Code(
        "An empty value",
        "A key is written with nothing after the colon, so its value is empty. Write the value "
        "after the colon, or remove the key if it is optional.",
        "title:\n",
        "title: The first day\n"),
    "E104": Code(
        "The wrong kind of value",
        "The value is not the kind this key takes: text where a number is needed, a single "
        "value where a list is needed, and so on. Numbers are written without quotes or units; "
        "text that looks like a number or `yes`/`no` goes in quotes.",
        "minutes: ten\ntitle: 1984\nsources: souchet\n",
        "minutes: 10\ntitle: \"1984\"\nsources: [souchet]\n"),
    "E105": Code(
        "Not one of the allowed words",
        "This key takes one of a few fixed words, like a scene's `basis` (reported, "
        "extrapolated or fiction) or a ruleset's `legibility`. The hint lists them.",
        "basis: rumour\n",
        "basis: fiction\n"),
    "E106": Code(
        "A number out of range",
        "The number is too big or too small for this key: a chance is between 0 and 1, stars "
        "are 1 to 5, a delay or a cost cannot be negative.",
        "rating: {contact: mei, stars: 9}\n",
        "rating: {contact: mei, stars: 5}\n"),
    "E107": Code(
        "Empty where something is needed",
        "This list or mapping must have at least one entry: a level needs scenes, endings, a "
        "persona and a ruleset, and a scene needs at least one choice.",
        "choices: []\n",
        "choices:\n  - id: leave\n    text: Leave\n    finish: true\n"),
    "E108": Code(
        "A condition or effect needs exactly one key",
        "Each condition (`needs`, `shown_if`, `when`, ...) and each effect is a mapping with "
        "exactly one key saying what it is. To test several things, list them under `all:` "
        "(every one must hold) or `any:` (one is enough); to do several things, write several "
        "effects, each starting with `- `.",
        "needs: {tier: A, flag: has_ticket}\neffects:\n  - set: paid\n    money: -20\n",
        "needs:\n  all: [{tier: A}, {flag: has_ticket}]\neffects:\n  - set: paid\n"
        "  - money: -20\n"),
    "E109": Code(
        "A choice with no way out",
        "Every choice must say where it leads: ` -> ` and a scene or an ending at the end of "
        "its text, or `goto:` a scene or an ending; ` -> finish` or `finish: true` ends the "
        "level (the ending is then picked by the endings' `when`).",
        "- text: Wait\n  behaviour: wait_light\n",
        "- text: Wait -> station\n  behaviour: wait_light\n"),
    "E110": Code(
        "A one-line choice that does not say where it leads",
        "A choice written on one line, `- Text -> scene`, ends with ` -> ` and the id of the "
        "scene or ending it leads to, or ` -> finish` to end the level. A ` #` in the text "
        "starts a comment and cuts the rest of the line off: put such a choice in double quotes.",
        "choices:\n  - Wait for the green light\n  - Pay #1 -> shop\n",
        "choices:\n  - Wait for the green light -> station\n  - \"Pay #1 -> shop\"\n"),
    "E111": Code(
        "A choice's text read as a key",
        "When a choice's text has `: ` in it (a colon and a space), YAML reads the words "
        "before it as a key, and the choice is no longer a text. Put the whole choice in "
        "double quotes.",
        "choices:\n  - Say: not today -> home\n",
        "choices:\n  - \"Say: not today -> home\"\n"),
    "E112": Code(
        "The basis said twice",
        "A scene or an ending says how real it is either with `basis:` (and its `sources:`), "
        "or in one line with the basis as the key of its sources: `reported: [souchet2021]`. "
        "Not both, and only one basis.",
        "basis: reported\nreported: [souchet2021]\n",
        "reported: [souchet2021]\n"),
    "E199": Code(
        "Another problem with the level's shape",
        "The value is not valid here, for a reason not covered by the codes above. The message "
        "says what was expected; docs/AUTHORING.md describes every key.",
        "network: {pull: lots}\n",
        "network: {pull: 0.2}\n"),
    # ------------------------------------------------------------ references
    "E201": Code(
        "`start` is not a scene",
        "`start` must be the id of a scene (a key under `scenes:`). Ids are case-sensitive and "
        "must match exactly.",
        "start: ofice\nscenes:\n  office:\n    # ...\n",
        "start: office\nscenes:\n  office:\n    # ...\n"),
    "E202": Code(
        "A choice goes to a scene or ending that does not exist",
        "A choice's `goto` must be the id of a scene or an ending. Check the spelling, or add "
        "the missing scene.",
        "goto: hom\n",
        "goto: home\n"),
    "E203": Code(
        "A `goto` effect names a scene or ending that does not exist",
        "A `goto` effect sends the player somewhere else; it must name a scene or an ending.",
        "effects:\n  - goto: polic_station\n",
        "effects:\n  - goto: police_station\n"),
    "E204": Code(
        "Unknown behaviour",
        "A choice's `behaviour` must be one of the level's `behaviours`: add it there, or fix "
        "the spelling.",
        "behaviours:\n  jaywalk: {name: Crossing on red}\nscenes:\n  street:\n    choices:\n"
        "      - {id: cross, text: Cross, behaviour: jay_walk, goto: home}\n",
        "behaviours:\n  jaywalk: {name: Crossing on red}\nscenes:\n  street:\n    choices:\n"
        "      - {id: cross, text: Cross, behaviour: jaywalk, goto: home}\n"),
    "E205": Code(
        "A rule for an unknown behaviour",
        "Each rule in a ruleset is written under the id of a behaviour from `behaviours:`. A "
        "rule under any other name would never be used.",
        "rules:\n  jaywalking: {change: -10}\n",
        "rules:\n  jaywalk: {change: -10}\n"),
    "E206": Code(
        "Unknown sensor",
        "`seen_by` in a rule, `sensors` in a scene and `sensor` in a watcher must name sensors "
        "from the level's `sensors:`.",
        "sensors:\n  camera: {name: Street camera}\nrulesets:\n  strict:\n    rules:\n"
        "      jaywalk: {change: -10, seen_by: [cameras]}\n",
        "sensors:\n  camera: {name: Street camera}\nrulesets:\n  strict:\n    rules:\n"
        "      jaywalk: {change: -10, seen_by: [camera]}\n"),
    "E207": Code(
        "Unknown watcher",
        "A scene's `watchers` must name watchers from the level's `watchers:`. The watchers "
        "strip shows them to the player; which sensors are really on is up to `sensors`.",
        "watchers: [neighbor]\n",
        "watchers: [neighbour]\n"),
    "E208": Code(
        "Unknown service",
        "A `service:` condition must name one of the level's `services`; it holds while that "
        "service is open to the player. Check the spelling or add the service.",
        "needs: {service: train}\n",
        "needs: {service: rail}\n"),
    "E209": Code(
        "Unknown tier",
        "A `tier:` condition must name the `id` of a tier under `score: tiers:` (not its "
        "`name`). Ids are case-sensitive: `A` and `a` are different tiers.",
        "score:\n  tiers: [{id: A, name: Trusted, min: 1050}]\nservices:\n"
        "  loan: {name: Bank loan, needs: {tier: AA}}\n",
        "score:\n  tiers: [{id: A, name: Trusted, min: 1050}]\nservices:\n"
        "  loan: {name: Bank loan, needs: {tier: A}}\n"),
    "E210": Code(
        "Unknown persona",
        "`persona:` in a condition or a preset must name one of the level's `personas`, by "
        "its id (the key), not by the name shown to the player.",
        "when: {persona: migrant}\n",
        "when: {persona: rural}\n"),
    "E211": Code(
        "Unknown ruleset",
        "`ruleset:` in a condition or a preset must name one of the level's `rulesets`, by "
        "its id (the key), not by the name shown to the player.",
        "when: {ruleset: strickt}\n",
        "when: {ruleset: strict}\n"),
    "E212": Code(
        "`visited` names an unknown scene",
        "A `visited:` condition is true when the player has seen a scene; it must name one of "
        "the level's scenes.",
        "shown_if: {visited: hospitl}\n",
        "shown_if: {visited: hospital}\n"),
    "E213": Code(
        "Unknown contact",
        "Contacts named in conditions (`contact`, `relationship`), in effects (`cut`, "
        "`rating`, `relationship`, `contact_score`) and in a persona's or preset's `contacts` "
        "must be keys of the level's `contacts`.",
        "effects:\n  - cut: mai\n",
        "effects:\n  - cut: mei\n"),
    "E214": Code(
        "Unknown source",
        "A scene's or ending's `sources` are keys of the level's `sources:`, where each work "
        "is described once (title, author, year, link).",
        "sources: [souchet2021]\n",
        "sources: [souchet]\n"),
    "E215": Code(
        "Unknown baseline pair",
        "A choice's `baseline: {pair: ...}` must name one of the level's `baselines`, where "
        "the dilemma is described once for the debrief.",
        "baseline: {pair: speek_up, candid: true}\n",
        "baseline: {pair: speak_up, candid: true}\n"),
    "E216": Code(
        "A preset starts at an unknown scene",
        "A preset is a named starting state for testing and teaching (`play --preset`). Its "
        "`scene` must be one of the level's scenes.",
        "presets:\n  late: {scene: nite}\n",
        "presets:\n  late: {scene: night}\n"),
    "E217": Code(
        "`renamed` points at an unknown scene or choice",
        "`renamed` maps an old scene id to its new id, so that saved games still resume, and "
        "an old choice, `scene.choice`, to its new id, so that saved games still show what "
        "was chosen. The new id must be a scene of the level, or a choice of that scene.",
        "renamed:\n  office: ofice_morning\n  bank.keep_the_coin: bank.keep_the_coins\n",
        "renamed:\n  office: office_morning\n  bank.keep_the_coin: bank.keep_the_extra_coin\n"),
    "E218": Code(
        "Unknown picture",
        "`art` picks one of the pictures that come with the game (docs/ART.md lists them), "
        "or a picture of your own: a path ending in `.svg` inside the level's folder.",
        "art: library\n",
        "art: school_office\n"),
    "E219": Code(
        "Unknown watcher icon",
        "A watcher's `icon` must be one of the icons the game can draw; the message lists them.",
        "icon: drone\n",
        "icon: camera\n"),
    "E220": Code(
        "Two choices with the same id",
        "Choice ids must be unique within their scene: saved games, transcripts and "
        "translations find a choice by its id.",
        "choices:\n  - {id: go, text: Walk, goto: street}\n"
        "  - {id: go, text: Drive, goto: street}\n",
        "choices:\n  - {id: walk, text: Walk, goto: street}\n"
        "  - {id: drive, text: Drive, goto: street}\n"),
    "E221": Code(
        "Two tiers with the same id",
        "Tier ids must be unique, so that a `tier:` condition means exactly one tier. Give "
        "each tier under `score: tiers:` its own `id`.",
        "tiers:\n  - {id: A, name: Trusted, min: 1050}\n  - {id: A, name: Normal, min: 900}\n",
        "tiers:\n  - {id: A, name: Trusted, min: 1050}\n  - {id: B, name: Normal, min: 900}\n"),
    "E222": Code(
        "A scene and an ending with the same id",
        "A `goto` names a scene or an ending by its id. When a scene and an ending share an id, "
        "the `goto` goes to the ending and the scene can never be reached. Rename one of them.",
        "scenes:\n  offline: {title: Offline, ...}\nendings:\n  offline: {title: Offline, ...}\n",
        "scenes:\n  after_delete: {title: Offline, ...}\nendings:\n  offline: {title: Offline, ...}\n"),
    "E223": Code(
        "The lowest score is above the highest",
        "Under `score:`, `min` is the lowest score anyone can fall to and `max` the highest "
        "anyone can reach, so `min` must not be above `max`.",
        "score:\n  min: 1300\n  max: 0\n",
        "score:\n  min: 0\n  max: 1300\n"),
    "E224": Code(
        "A level's own picture cannot be used",
        "A level may bring its own SVG pictures from its folder: `art: pictures/kitchen.svg`. "
        "The path may not leave the folder (no `..`, no absolute path, no link to a file "
        "outside it), and the file must be plain SVG of at most 200 KB that runs nothing and "
        "links to nothing outside itself (no scripts, no http: or file: links).",
        "art: ../shared/kitchen.svg\n",
        "art: pictures/kitchen.svg\n"),
    # ------------------------------------------------------------ warnings
    "W301": Code(
        "A service that is always open",
        "A service with neither `threshold` nor `needs` is open to everyone all the time, so "
        "it never shows the player a locked door. Give it a score threshold or a condition.",
        "services:\n  rail: {name: High-speed rail}\n",
        "services:\n  rail: {name: High-speed rail, threshold: 950}\n"),
    "W302": Code(
        "No fallback ending",
        "`finish: true` picks the first ending whose `when` holds. When every ending has a "
        "`when`, none may hold, and the last ending is used anyway. Make that explicit: leave "
        "`when` out of one ending, usually the last.",
        "endings:\n  good: {title: Good, text: ..., when: {score_at_least: 1000}}\n"
        "  bad: {title: Bad, text: ..., when: {score_below: 1000}}\n",
        "endings:\n  good: {title: Good, text: ..., when: {score_at_least: 1000}}\n"
        "  bad: {title: Bad, text: ...}\n"),
    "W303": Code(
        "A flag that is tested but never set",
        "A condition tests a flag that no effect `set`, persona or preset ever sets, so the "
        "test is always false. Often a typo in one of the two names.",
        "effects: [{set: has_tiket}]\n# ...\nneeds: {flag: has_ticket}\n",
        "effects: [{set: has_ticket}]\n# ...\nneeds: {flag: has_ticket}\n"),
    "W304": Code(
        "A flag that is set but never tested",
        "An effect, persona or preset sets a flag that no condition ever tests, so setting it "
        "changes nothing. Test it somewhere or stop setting it.",
        "effects: [{set: met_mei}]\n",
        "effects: [{set: met_mei}]\n# ...\nshown_if: {flag: met_mei}\n"),
    "W305": Code(
        "A baseline pair that no choice uses",
        "A baseline pair is declared under `baselines:` but no choice in the level is marked "
        "with it, so it never collects an answer. Mark a choice with it, or remove it.",
        "baselines:\n  speak: {question: Speak up?}\n# no choice has baseline: {pair: speak}\n",
        "baselines:\n  speak: {question: Speak up?}\nscenes:\n  office:\n    choices:\n"
        "      - {id: say, text: Say it, baseline: {pair: speak, candid: true}, goto: home}\n"),
    "W306": Code(
        "A scene that can never be reached",
        "No chain of `goto`s from `start` leads to this scene, so players never see it. Add a "
        "`goto` to it from a choice, or remove it.",
        "start: home\nscenes:\n  home:\n    # title, text, basis ...\n"
        "    choices: [{id: go, text: Go, finish: true}]\n  office:\n    # ...\n",
        "start: home\nscenes:\n  home:\n    # title, text, basis ...\n"
        "    choices: [{id: go, text: Go, goto: office}]\n  office:\n    # ...\n"),
    "W307": Code(
        "A baseline pair answered on one side only",
        "A baseline pair compares the same dilemma unscored (as in Day Zero) and scored. Across "
        "the levels checked together, the pair is marked only in unscored scenes, or only in "
        "scored ones, so the debrief has nothing to compare. The halves may sit in different "
        "levels (Day Zero holds the unscored ones), as long as both exist.",
        "# day_zero.yaml: speak marked in an unscored scene\n"
        "# pilot_city.yaml: no scored scene marks speak\n",
        "# day_zero.yaml: speak marked in an unscored scene\n"
        "# pilot_city.yaml: a scored scene marks speak too\n"),
    "W308": Code(
        "A character the game's fonts cannot draw",
        "The window draws a level's words in the bundled Inter font. A character that font "
        "has no glyph for (most emoji, Chinese or Japanese characters, rare symbols) shows as "
        "an empty box. The warning names each such character and its code point. Write it "
        "in words, or use a character the font has (Latin, Greek and Cyrillic letters, "
        "common punctuation, arrows and stars such as ★ ✓ → are there). The text mode "
        "(`--text`) prints the text as it is.",
        'reply: "Mei sends you 😀"\n',
        'reply: "Mei sends you a smiling face."\n'),
    "W309": Code(
        "A `reported` scene with no source to follow",
        "`reported` means a reliable source documents what the scene shows, and players read "
        "it as \"this really happens\". So a scene or ending marked `reported` must cite at "
        "least one source with a `url` a reader can follow (https://..., or "
        "https://doi.org/... for a journal article's DOI). If no such source exists, the "
        "scene is `extrapolated`.",
        "sources:\n  souchet2021: {title: Made in China, year: 2021}\nscenes:\n  station:\n"
        "    basis: reported\n    sources: [souchet2021]\n",
        "sources:\n  spc2017:\n    title: SPC provisions on the list of judgment defaulters\n"
        "    year: 2017\n    url: https://www.chinalawtranslate.com/en/court-blacklist/\n"
        "scenes:\n  station:\n    basis: reported\n    sources: [spc2017]\n"),
    "W310": Code(
        "A choice with both `goto` and `finish`",
        "A choice with `finish: true` ends the level there, so its `goto` is never followed. "
        "Keep `goto` to go on to that scene or ending, or `finish` to end here.",
        "- {id: leave, text: Leave, goto: airport, finish: true}\n",
        "- {id: leave, text: Leave, goto: airport}\n"),
    "W311": Code(
        "Text cut short by ` #`",
        "In text that is not in quotes and not under `>-`, a space followed by `#` starts a "
        "comment: everything after it on that line is left out of the game, without an "
        "error. Write such text under `>-` on the lines below its key, or in double quotes.",
        "text: Your rating is now #1 in the city.\n",
        "text: >-\n  Your rating is now #1 in the city.\n"),
    "W312": Code(
        "A very long text",
        "A scene's or an ending's text has far more words than a player reads at a glance "
        "(the guide suggests about 90; this warning comes past 150). The window scrolls it, "
        "and players skim. Cut it, or split it into two scenes with a choice between them.",
        "text: >-\n  (a 420-word page)\n",
        "text: >-\n  (about 90 words; the rest goes into the next scene)\n"),
    "W313": Code(
        "A rule that can never fire",
        "A ruleset scores this behaviour only when one of its `seen_by` sensors sees it, but "
        "in every scene where a choice is this behaviour none of those sensors is on (or the "
        "scene is not scored), so the rule never changes anyone's score under this ruleset. "
        "Which sensors are on in a scene: its `sensors:` list if it has one, otherwise the "
        "sensors of the watchers it shows. Switch the sensor on there, add a sensor that is "
        "on there to `seen_by`, or make the rule `always: true`. Scenes that say on purpose "
        "that nothing counts there (`sensors: []`, `scored: false`) are left out.",
        "rules:\n  hard_brake: {change: -30, seen_by: [motion]}\n# ...\nscenes:\n  ride:\n"
        "    watchers: [app]          # the app's sensor is gps\n    choices:\n"
        "      - {id: brake, text: Brake hard, behaviour: hard_brake, goto: home}\n",
        "rules:\n  hard_brake: {change: -30, seen_by: [motion]}\n# ...\nscenes:\n  ride:\n"
        "    watchers: [app]\n    sensors: [gps, motion]\n    choices:\n"
        "      - {id: brake, text: Brake hard, behaviour: hard_brake, goto: home}\n"),
    "W314": Code(
        "A remembered line that can never show",
        "A `remembers:` line adds a sentence to a scene or an ending when an earlier chapter of "
        "the campaign went a certain way: `if: chapter.what` shows it when that chapter ended "
        "with `what` (a flag it set, the ending it reached, or `listed`), `unless:` when it "
        "did not. This line names a chapter that is not among the levels checked, one that "
        "comes later (a higher `order:`), or something that chapter never ends with. A "
        "chapter played alone remembers nothing, so no such line shows then either.",
        "remembers:\n  - if: pilot_city.lost_school_place   # The Pilot City has no such flag\n"
        "    text: Mei still asks about her old school.\n",
        "remembers:\n  - if: pilot_city.school_closed\n"
        "    text: Mei still asks about her old school.\n"),
}
