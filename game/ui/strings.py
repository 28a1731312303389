"""Every word of the window's interface, in one place for translation.

Level text (scenes, choices, names, sources) comes from the level files; the engine's own
words (reasons, "Score adjusted") come from `game.core.strings`. Everything else the window
shows is here. Placeholders use `str.format` names.
"""

APP_NAME = "Sincerity"
WINDOW_TITLE = "Sincerity"
TAGLINE = "A few days under a score that never stops watching."
TITLE_NOTE = "Your choices may be observed. Observation improves the service."

# ---- menus
MENU_PLAY = "Play"
MENU_SETTINGS = "Settings"
MENU_SETTINGS_DETAIL = "Text size, font, speed, contrast, motion, sound"
MENU_CREDITS = "Credits and sources"
MENU_QUIT = "Quit"
MENU_RESUME = "Resume"
MENU_RESUME_DETAIL = "Back to the scene"
MENU_HISTORY = "History"
MENU_HISTORY_DETAIL = "Everything read and chosen this chapter"
MENU_RESTART = "Restart chapter"
MENU_RESTART_DETAIL = "Same persona and rules, from the first scene"
MENU_TO_TITLE = "Quit to title"
MENU_TO_TITLE_DETAIL = "Your place is kept for Continue"
MENU_TO_TITLE_KIOSK_DETAIL = "Ends your session; what you played is kept for your teacher"
MENU_CONTINUE = "Continue"
MENU_LOAD = "Load a saved game"
MENU_UNDO = "Undo last choice"
MENU_UNDO_DETAIL = "Take back your last choice (Backspace or Ctrl+Z)"
MENU_UNDO_NONE = "Nothing to undo yet"
MENU_SAVE = "Save game"
MENU_SAVE_DETAIL = "Keep this moment in one of three slots"
MENU_LOAD_DETAIL = "Go back to a game kept in a slot"
PAUSED = "Paused"
PAUSE_NOTE = "The score keeps what it has already counted."

CHOOSE_CHAPTER = "Choose a chapter"
CHOOSE_CHAPTER_NOTE = "Each chapter is a few days in a scored life."
START_HERE = "Start here"
FROM_FOLDER = {"here": "From ./levels", "yours": "From your levels folder"}
CANNOT_PLAY = "Cannot be played: {why}"
PAIRS_BEFORE = ("Play it just before {title}, as the same persona: the debrief compares "
                "your answers.")
PAIRS_AFTER = ("Play it just after {title}, as the same persona: the debrief compares "
               "your answers.")
CHOOSE_PERSONA = "Who are you?"
CHOOSE_PERSONA_NOTE = "Same choices, different starting conditions, different doors."
CHOOSE_RULESET = "Under which rules?"
CHOOSE_RULESET_NOTE = "The same story under different rules. Each says what it stands for."
NO_LEVELS = "No chapters were found. Put level files (*.yaml) in the levels folder."
LEVEL_BROKEN = "This chapter has problems and cannot be played:"
MINUTES = "about {n} min"
PERSONA_START = "Starts at {score} · money {money}"

LEGIBILITY_WORDS = {
    "exact": "You see the exact number.",
    "stars": "You see stars, not the number.",
    "direction_hidden": "You see your tier, never which way you moved.",
    "delayed": "You see the number only in periodic statements.",
    "hidden": "You are scored, but never shown the score.",
}

# ---- hints shown at the bottom of screens
HINT_MENU = "↑ ↓ or Tab to move · Enter to choose · Esc back"
HINT_PLAY = "1–9 choose · Enter · Esc menu · H history"
HINT_READING = "Any key or click shows the whole text"
HINT_UNDO = " · Backspace undo"
HINT_ENDING = "↑ ↓ or Tab to move · Enter to choose"
HINT_SCROLL = "↑ ↓ PgUp PgDn or drag to scroll · Esc back"
HINT_SETTINGS = "↑ ↓ to move · ← → to change · Esc back"

# ---- play screen
TOP_HISTORY = "History"
TOP_MENU = "Menu"
SCORE_LABEL = "YOUR SCORE"
SCORE_HIDDEN = "—"
SCORE_NOT_SHOWN = "Not shown to you"
SCORE_OFF_SCREEN = "Not on your screen"   # the level's `score.seen_while` does not hold
SCORE_UNSCORED = "Not scored here"
TIER = "Tier: {name}"
TIER_UNKNOWN = "Tier: —"
STARS_OF = "{stars} of 5 stars"
DELAYED_NOTE = "As of your last statement"
DIRECTION_NOTE = "Direction of changes not shown"
MONEY = "Money: {n}"
WATCHERS_LABEL = "WHO MAY BE WATCHING"
WATCHERS_NONE = "No one you can see."
SERVICES_LABEL = "SERVICES"
PANEL_MORE_BELOW = "▼ {n} more below"
PANEL_MORE_ABOVE = "▲ {n} more above"
SERVICES_NONE = "No services in this chapter."
SERVICES_OFF_SCREEN = "Not on your screen yet."   # a scene with no score on screen
OPEN = "Open"
CLOSED = "Closed"
LOCKED = "Locked"
ADJUSTED_UP = "▲ +{n}"
ADJUSTED_DOWN = "▼ −{n}"
ADJUSTED_NEUTRAL = "•"
SCORE_TOTAL = "In all"
SCORE_MORE = "{n} more changes"
SCORE_TOTAL_MORE = "In all, with {n} more"
SCORE_TIMES = "{text} ({n} times)"
CHOICE_LOCKED_NOTE = "Locked: {reason}"

# ---- toasts
TOAST_BLACKLISTED = "You are on the {name}"
TOAST_BLACKLISTED_BODY = "People around you can see it."
TOAST_BLACKLISTED_SCORE = "Listed at a score of {score}."
TOAST_DELISTED = "You are off the {name}"
TOAST_DELISTED_BODY = "For now."
TOAST_SERVICE_LOCKED = "{name}: closed"
TOAST_SERVICE_UNLOCKED = "{name}: open"
TOAST_SERVICE_UNLOCKED_BODY = "This door is open to you now."
TOAST_APPEAL_WON = "Appeal upheld"
TOAST_APPEAL_LOST = "Appeal refused"
TOAST_APPEAL_BODY = "It cost {cost}."
TOAST_APPEAL_RESTORED = "{restored} points restored."
TOAST_RATED = "{name} rated you"
RATING_STARS = "{stars}  {n} of 5"
TOAST_CUT = "{name} is no longer in your network"
TOAST_CUT_BODY = "Their score no longer pulls on yours."
TOAST_STATEMENT = "Statement: your score is {new}"
TOAST_STATEMENT_BODY = "It was {old} on your last statement."

# ---- history
HISTORY_TITLE = "History"
HISTORY_NOTE = "Everything you read and chose in this chapter."
HISTORY_EMPTY = "Nothing yet."
HISTORY_YOU_CHOSE = "You chose: {text}"
HISTORY_REPLY = "{text}"   # drawn indented and muted; replies are narration, not quotes
HISTORY_SCORE = "Score: {text}"

# ---- ending and debrief
ENDING_LABEL = "ENDING"
FINAL_SCORE = "Final score: {score}"
FINAL_STARS = "Final rating: {stars} of 5 stars"
FINAL_TIER = "Final tier: {name}"
FINAL_HIDDEN = "Your score was never shown to you."
FINAL_NO_LONGER_SHOWN = "You no longer see your score."
FINAL_UNSCORED = "Nothing was scored in this chapter."
TO_DEBRIEF = "See what the system saw"
DEBRIEF_TITLE = "Debrief"
PLAY_AGAIN = "Play again"
PLAY_AGAIN_AS = "Play again as: {persona}"
NEXT_CHAPTER = "Next chapter: {title}"
TO_FINALE = "The whole record"
BACK_TO_TITLE = "Title"
SEC_SCORE = "Your score over time"
CHART_X = "choices made"
CHART_EMPTY = "Your score never changed."
SEC_REPORT = "Transparency Report"
REPORT_NOTE = "Each choice: what it counted as, who you saw, who really saw it, what was real."
#: Under the watchers shown in a report row: each moment of watching, real or not.
REPORT_MOMENT_REAL = "Moment: {name}. Real: it recorded you."
REPORT_MOMENT_FAKE = "Moment: {name}. Nothing recorded."
#: Under who really saw it: what recorded with no moment shown.
REPORT_NO_SIGN = "No sign given: {names}"
COL_CHOICE = "Choice"
COL_BEHAVIOUR = "Counted as"
COL_SHOWN = "Watchers shown"
COL_SAW = "Who really saw it"
COL_COST = "Cost"
COL_TOLD = "Told why?"
NOBODY = "no one"
NOT_SCORED = "not scored"
#: Under the report: the choices nothing counted, no watcher was shown for and no one saw.
REPORT_QUIET = "Not scored, no watcher shown, seen by no one: {choices}."
REPORT_QUIET_ONE = "“{choice}” ({scene})"
REPORT_UNSEEN = "Not scored, and seen by no one, though a watcher was shown: {choices}."
REPORT_UNSEEN_ONE = "“{choice}” ({scene}; shown: {watchers})"
NO_BEHAVIOUR = "—"
TOLD_YES = "Yes: {reason}"
TOLD_NO = "No"
COST_NONE = "0"
COST_LATER = "its own {cost} came later"
REPORT_EMPTY = "You made no choices."
SEC_CHILLING = "The chilling effect"
CHILLING_SENTENCE = "Unscored, you {candid} in {n} of {m}; under the score, {k} of {m}."
CHILLING_SHIFT = "Under the score you gave the candid answer {pct}."
CHILLING_MORE = "{n}% more often"
CHILLING_FEWER = "{n}% less often"
CHILLING_SAME = "just as often"
CHILLING_MORE_FROM_NONE = "more often (never, unscored)"
CHILLING_NONE = ("Nothing to compare: you did not answer the same dilemma both unscored and "
                 "scored. Play Day Zero and The Pilot City one after the other, with either "
                 "person, to see it.")
CHILLING_UNSCORED = ("Nothing was scored in this chapter, so it has no 'under the score' half "
                     "yet. Play The Pilot City next: its dilemmas are the same ones, scored.")
CHILLING_NO_COMPARISON = "No comparison: see above."
CHILLING_HELD_BACK = ("You held back both times, in every dilemma: unscored and under the "
                      "score alike. There was no candid answer to compare.")
CHILLING_PAIR = "{question}: unscored, {before}; under the score, {after}."
CANDID_DEFAULT = "spoke up"
CANDID_NOT = "held back"
YOU = "You"
PENNEY = ("About 20% fewer views of 48 terrorism-related Wikipedia articles after the June "
          "2013 surveillance revelations.")
PENNEY_SHORT = "Penney 2016"
BATESON = ("2.76 times more paid into an honesty box under a picture of eyes: 48 people, one "
           "coffee room, 10 weeks. Later reviews: no effect on generosity (Northover 2017), 35% "
           "less antisocial behaviour (Dear 2019).")
BATESON_SHORT = "Bateson 2006"
BATESON_BAR = "×2.76"
PENNEY_BAR = "about −20%"
YOU_KIND = "You: {name}"
CHILLING_NO_KINDS = ("This chapter does not mark its dilemmas as expression or rule-following, "
                     "so no published figure is set beside yours.")
SEC_REAL = "What is real"
REAL_NOTE = "Every scene you saw, and what it rests on."
BASIS_WORDS = {"reported": "Reported: documented, source cited",
               "extrapolated": "Extrapolated: not documented, could follow",
               "fiction": "Fiction: made up for the story"}
BASIS_NO_SOURCES = "No sources cited."
SEC_CORRECTIONS = "Where the sources overstate"
SEC_DISCUSS = "Talk about it"
VERDICT_LABEL = "Your game in three lines"
DEBRIEF_ENDING = "Your ending: {title}. {final}"
#: The folded parts of the debrief: one line each, opened on request (a key or a click).
FOLD_SOURCES_OPEN = "+  What is real: the sources for the {n} scenes you saw  (press S to open)"
FOLD_SOURCES_CLOSE = "−  What is real  (press S to fold it away)"
FOLD_RULES_OPEN = ("+  The same choices under other rules: {n} counted differently  "
                   "(press R to open)")
FOLD_RULES_CLOSE = "−  The same choices under other rules  (press R to fold it away)"
FOLD_PAIRS_OPEN = "+  Each of the {n} dilemmas, unscored and under the score  (press P to open)"
FOLD_PAIRS_CLOSE = "−  Each dilemma, unscored and under the score  (press P to fold it away)"
FOLD_TALK_OPEN = "+  Talk about it: {n} questions  (press T to open)"
FOLD_TALK_CLOSE = "−  Talk about it  (press T to fold it away)"
DISCUSS_HEADINGS = {
    "feel": "How do you feel?",
    "happened": "What happened?",
    "learned": "What did you learn?",
    "relates": "How does it relate to the real world?",
    "what_if": "What if…?",
    "next": "What next?",
}

# ---- settings
SETTINGS_TITLE = "Settings"
SETTINGS_NOTE = "Saved on this computer only."
SETTINGS_LEVELS = "Your own levels: put level files (.yaml) in {folder}"
SET_TEXT_SIZE = "Text size"
SET_TEXT_SPEED = "Text speed"
SET_CONTRAST = "High contrast"
SET_MOTION = "Reduced motion"
SET_MOTION_NOTE = "No flying numbers, no pulsing, no typewriter"
SET_VOLUME = "Effects volume"
SET_VOLUME_NOTE = "Interface sounds and the watching cues"
SET_AMBIENCE = "Ambience volume"
SET_MUSIC = "Music volume"
SET_FULLSCREEN = "Fullscreen"
SET_FULLSCREEN_NOTE = "F11 toggles it at any time"
SET_BACK = "Done"
SPEED_WORDS = {"slow": "Slow", "normal": "Normal", "fast": "Fast", "instant": "Instant"}
ON = "On"
OFF = "Off"
PERCENT = "{n}%"
SETTINGS_SAVE_FAILED = "Settings could not be saved: {error}"
SETTINGS_NO_PERMISSION = ("Your settings file cannot be opened (no permission): using the "
                          "defaults.")
SETTINGS_UNREADABLE = "Your settings file cannot be read: using the defaults."
SETTINGS_TOO_BIG = "Your settings file is far too big to be settings: using the defaults."
SETTINGS_DAMAGED = "Your settings file is damaged: using the defaults."
SETTINGS_NEWER = ("Your settings were saved by a newer version of Sincerity: the ones this "
                  "version knows are kept.")
SETTINGS_BAD_VALUES = ("Some of your settings had values this version does not know: those "
                       "use the defaults.")
SET_DYSLEXIC = "Dyslexia-friendly font"
SET_DYSLEXIC_NOTE = "OpenDyslexic: heavier letter bottoms, wider spacing"
SET_UNDO = "Undo (Backspace)"
SET_UNDO_NOTE = "Take back your last choice. Off keeps choices final."

# ---- saved games
SAVE_TITLE = "Save game"
SAVE_NOTE = "Pick a slot. A slot that holds a game is replaced."
LOAD_TITLE = "Load a saved game"
LOAD_NOTE = "Pick a slot to go back to."
SLOT = "Slot {n}"
SLOT_EMPTY = "Empty"
SLOT_DAMAGED = "Cannot be used: {problem}"
SLOT_NOTHING = "That slot is empty."
SAVED_IN = "Saved in slot {n}."
SAVE_FAILED = "The game could not be saved."
SAVED_AT = "saved {time}, {date}"
SAVE_SCORE = "Score {n}"
CONTINUE_TITLE = "Continue"
CONTINUE_FAILED = "This saved game cannot be resumed"
AUTOSAVE_DAMAGED = "Your last autosave cannot be used: {problem}."
USE_PREVIOUS = "Resume the autosave before it"
CHAPTER_CHANGED = "The chapter has changed"
UNDONE = "Choice taken back"
UNDONE_BODY = "You are back before your last choice."
UNDO_NONE = "Nothing to undo"
UNDO_OFF = "Undo is off in this session"
UNDO_OFF_SETTING = "Undo is off: choices stay made. Settings can turn it on."

# ---- credits
CREDITS_TITLE = "Credits and sources"
CREDITS_NOTE = "Made to be argued with. Everything it claims is listed here."
CREDITS_LINES = (
    ("Sincerity", "A narrative game about being scored, in the spirit of Black Mirror's "
                  "“Nosedive”."),
    ("Type", "Inter, by Rasmus Andersson and the Inter Project Authors (SIL Open Font "
             "License 1.1)."),
    ("Dyslexia-friendly type", "OpenDyslexic, by Abelardo Gonzalez, based on Bitstream Vera "
                               "(Creative Commons Attribution 3.0 and the Bitstream Vera "
                               "licence)."),
    ("Pictures", "Drawn for this game as SVG files (assets/art); docs/ART.md says how to add "
                 "your own."),
    ("Sound", "Effects, the ambience of each place and the theme, all generated by "
              "tools/make_sounds.py with Python's standard library."),
    ("Engine", "pygame-ce, PyYAML, pydantic and platformdirs."),
)
CREDITS_SOURCES = "Sources cited by the chapters"
CREDITS_NO_SOURCES = "No chapter cites sources."
SOURCE_LINE = "{author} ({year})"

BACK = "Back"
OK = "OK"
NOTICE = "⚠ {text}"

# ---- typography used to join and mark things
NO_FIGURE = "—"
BULLET = "• {text}"
JOIN = " · "
TICK = "✓ "
MORE = " …"
PERCENT_SIGNED = "{sign}{n}%"
MINUS = "−"
SOURCE_WITH_WHO = "{title} ({who})"

# ---- --dev (for level authors)
DEV_SCENE = "scene `{id}`"
DEV_RELOADED = "Level reloaded"
DEV_RELOADED_BODY = "F5 reads the file again and keeps your place."
DEV_RELOAD_FAILED = "The level has problems; still playing the last good version"
DEV_MORE_PROBLEMS = "...and {n} more: run python -m game validate"
