"""Everything the studio says to an author (the page, the terminal)."""

TITLE = "Studio"
OPENED = "The studio is open at {url}"
OPEN_BY_HAND = "Open that address in your browser (this computer only)."
STOP = "Press Ctrl+C here to stop the studio. Save in the page first."
STOPPED = "The studio stopped."
STOPPED_BY = ("The studio stopped: it was told to ({signal}). Text not saved yet is still in "
              "the page: start the studio again, then save it.")
SIGNALS = {"SIGHUP": "SIGHUP: the terminal it ran in was closed"}
PAGE_STOPPED = ("The studio has stopped: nothing is checked, played or saved now. Your text is "
                "still here. Copy it somewhere safe, start the studio again in the terminal "
                "(python -m game studio {name}), then reload this page.")
PAGE_RESTARTED = ("The studio was started again, so this page no longer reaches it. Copy your "
                  "text somewhere safe, then reload the page.")
PAGE_FAILED = ("Something went wrong in the studio (the terminal says where the details are). "
               "It carries on; if this message stays, save and start it again.")
HOST_REFUSED = ("--host {host}: the studio listens on this computer only (127.0.0.1); "
                "leave --host out")
NEW_FILE = "{path} does not exist yet: the studio starts a new level there; Save creates it."
NOT_A_LEVEL_FILE = "{path}: give a level file ending in .yaml (or .yml)"

SAVE = "Save"
SAVED = "Saved {name} (the old version is in {backup})."
SAVED_NEW = "Saved {name}."
SAVE_FAILED = "Not saved: {why}. Your text is still here; try again, or copy it somewhere safe."
UNSAVED = "Not saved yet"
PROBLEMS = "Problems"
NO_PROBLEMS = "No problems found."
CHECKING = "Checking…"
PREVIEW = "Preview"
MAP = "Story map"
MAP_HELP = "Click a scene to go to its text."
START_AT = "Start at"
PERSONA = "Persona"
RULESET = "Ruleset"
PRESET = "Preset"
NO_PRESET = "(none)"
RESTART = "Restart"
BACK = "Undo a choice"
STALE = ("The file has errors, so the preview plays the last version without errors. "
         "Fix them and it catches up.")
NEVER_GOOD = ("Nothing to play yet: your level has not been without errors so far. The "
              "preview plays your own level as soon as it has none.")
FIX_FIRST = "Fix this first (line {line}, column {column}):"
REPLAYED = "Replayed {n} of your choices."
REPLAY_STOPPED = ("Replayed {n} of your {total} choices: choice `{choice}` is not there any "
                  "more in `{scene}`.")
ANALYZE_LATER = "analyze runs when the file has no errors."
FIX = "Replace with `{word}`"
EDITOR_FALLBACK = "The editor did not load; this is a plain text box."
