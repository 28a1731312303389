"""What the player is told about saved games, one plain line each; the window and the
terminal both use them. One leaf module, so that the store (`game.saves`), the file
(`file.py`) and resuming (`resume.py`) share them without importing each other in a circle.
"""

# ---- the file: reading and checking it (file.py)
TOO_BIG = "this file is far too big to be a saved game"
NOT_TEXT = "this file is not a saved game (it is not text)"
BROKEN_CHARACTER = "the saved game is damaged (it holds half of a character)"
NOT_JSON = "the saved game is damaged (it was cut short or changed)"
EMPTY = "the saved game is empty (it was never finished)"
NOT_A_SAVE = "this file is not a Sincerity saved game"
NEWER = ("this game was saved by a newer version of Sincerity (save format {version}); "
         "this version reads format {ours}")
NEWER_STATE = ("this game was saved by a newer version of Sincerity (game state version "
               "{version}); this version reads version {ours}")
BAD_CHECKSUM = "the saved game is damaged (its checksum does not match)"
BAD_FIELD = "the saved game is damaged (`{name}` is missing or has the wrong type)"
OUT_OF_RANGE = "the saved game is damaged (`{name}` is out of range)"

# ---- the store and resuming (game.saves, resume.py)
MISSING = "there is no saved game here"
UNREADABLE = "the saved game cannot be opened ({why})"
NO_PERMISSION = "the saved game cannot be opened (no permission to read it)"
NO_LEVEL = "the chapter of this saved game (`{id}`) is not installed"
LEVEL_HAS_PROBLEMS = ("the chapter of this saved game has problems: see them with "
                      "`python -m game validate {path}`")
RELATIVE_LEVEL = ("this saved game gives its chapter as `{path}`, a path relative to the folder "
                  "the game was started from: start the game from that folder to continue it")
DOES_NOT_FIT = "the saved game does not fit its chapter any more ({why})"
CHANGED_SAME_SCENE = "This chapter has changed since you saved; you resume at the same scene."
CHANGED_RENAMED = ("This chapter has changed since you saved; your scene was renamed and you "
                   "resume there.")
CHANGED_RESTART = ("This chapter has changed since you saved and your scene is gone: you start "
                   "the chapter again, with your score and flags kept.")
CHANGED_RULES = ("This chapter has changed since you saved and the rules you chose are gone "
                 "from it: you go on at the same scene under \"{rules}\", with your score and "
                 "choices kept.")
CHANGED_RULES_RESTART = ("This chapter has changed since you saved, and your scene and the rules "
                         "you chose are gone from it: you start the chapter again under "
                         "\"{rules}\", with your score and flags kept.")
SAVING_OFF = "Saving is off: {why}"
SET_ASIDE_TITLE = "Your old autosave was kept"
SET_ASIDE = ("It cannot be used: {problem}. It was renamed {name} in the saves folder, and "
             "a new autosave was started.")

# ---- the chapters finished in the window, kept across quits (campaign.py): lines in the log
CAMPAIGN_NOT_USED = "{path} was not used: {problem}"
CAMPAIGN_LEFT_OUT = "a finished chapter ({which}) in {path} was left out: {problem}"
CAMPAIGN_SET_ASIDE = ("{path} could not all be read, so it was kept as {name} and a new one "
                      "was written")
CAMPAIGN_NOT_WRITTEN = "the chapters you finished could not be kept in {path} ({why})"
NOT_A_CAMPAIGN = "it is not Sincerity's list of finished chapters"
NEWER_CAMPAIGN = ("it was written by a newer version of Sincerity (format {version}); this "
                  "version reads format {ours}")
NOT_FINISHED = "it is not a finished chapter"
ENDING_GONE = "its chapter has changed since, and its ending is gone"
