"""Every word the terminal front end prints, in one place (for translation).

Words from the level file (titles, scene text, choices, names) are not here; the engine's own
phrases (reasons for locks, "Score adjusted") are in game/core/strings.py.
"""

WIDTH = 78

# ---------------------------------------------------------------- the scene
WHO = "You play: {persona}. Rules: {ruleset}."
SCENE_TITLE = "== {title} =="
#: Above a remembered line (`core.recall`), which is indented under it.
REMEMBERED = "{label}:"
REMEMBERED_INDENT = "    "
FINALE_HEAD = "==== {title} ===="
WATCHING = "Watching: {names}"
WATCHING_NOBODY = "Watching: no one you can see"
SCORE_NUMBER = "Score: {number}"
SCORE_STARS = "Score: {stars} ({count} of 5)"
SCORE_HIDDEN = "Score: hidden"
SCORE_OFF_SCREEN = "Score: not on your screen"   # the level's `score.seen_while` does not hold
TIER = "Tier: {name}"
MONEY = "Money: {money}"
ON_LIST = "You are on the {name}."
SERVICES = "Services:"
SERVICE_OPEN = "  {name}: open"
SERVICE_CLOSED = "  {name}: closed ({reason})"
SERVICE_CLOSED_PLAIN = "  {name}: closed"
CHOICE = "{number}. {text}"
CHOICE_LOCKED = "{number}. [locked] {text} — {reason}"
STAR_FULL, STAR_HALF, STAR_EMPTY = "★", "½", "☆"

# ---------------------------------------------------------------- input
PROMPT = "Your choice (1-{last}): "
ECHO = "> {line}"
NEED_NUMBER = "Type the number of a choice, from 1 to {last}."
NOT_A_NUMBER = "`{text}` is not a number. Type a number from 1 to {last}."
NO_SUCH_CHOICE = "There is no choice {number}. Type a number from 1 to {last}."
LOCKED_CHOICE = "Choice {number} is locked: {reason}. Pick another."
STOPPED = "The game stopped before an ending."
STOPPED_CHOICES = "The game stopped before an ending: no more choices were given."
CHOICES_LEFT = ("note: the game ended after {count} of the --choices; the rest ({left}) were "
                "not played")
BAD_LISTED_CHOICE = "--choices: choice {number} at step {step} (scene `{scene}`) {why}"
LISTED_NO_SUCH = "does not exist; the choices there are 1 to {last}"
LISTED_LOCKED = "is locked: {reason}"
DEAD_END = "No choice is open to you in this scene, so the game cannot go on."
YOU_CHOSE = "You chose: {text}"

# ---------------------------------------------------------------- events
SCORE_DELTA = "Score {delta:+d}: {text}"
SCORE_ADJUSTED_DELTA = "Score adjusted: {delta:+d}"
SCORE_CHANGED = "Score changed: {text}"
SCORE_ADJUSTED = "Score adjusted."
SCORE_TOTAL = "Score in all {delta:+d}: {old} -> {new}"
STATEMENT = "Your score statement arrived: {old} -> {new}."
TIER_CHANGED = "Your tier is now {name}."
TIER_NONE = "You are in no tier now."
SERVICE_LOCKED = "Closed to you now: {reason}"
SERVICE_LOCKED_PLAIN = "Closed to you now: {name}"
SERVICE_UNLOCKED = "Open to you now: {name}"
BLACKLISTED = "You have been put on the {name}."
DELISTED = "You are off the {name}."
APPEAL_WON = "Your appeal was upheld."
APPEAL_LOST = "Your appeal was turned down."
PEER_RATED = "{name} rated you {stars} of 5 stars."
CONTACT_CUT = "{name} is no longer in your network."
MONEY_CHANGED = "Money {delta:+d} (now {new})."

# ---------------------------------------------------------------- developer lines (--dev)
DEV_STATE = "[dev] scene {scene}; real score {score}; step {step}; seed {seed}"
DEV_OBSERVED = "[dev] {behaviour} seen by: {sensors}"
DEV_PENDING = "[dev] {behaviour}: {delta:+d} lands at step {due}"
DEV_NOBODY = "nobody"

# ---------------------------------------------------------------- the ending and debrief
ENDING = "Ending: {title}"
FINAL_SCORE = "Final score: {score}"
FINAL_STARS = "Final rating: {stars} of 5 stars"
FINAL_TIER = "Final tier: {name}"
FINAL_HIDDEN = "Your score was never shown to you."
FINAL_NO_LONGER_SHOWN = "You no longer see your score."
FINAL_UNSCORED = "Nothing was scored in this chapter."
DEBRIEF = "== Debrief =="
SCORE_OVER_TIME = "Score over time (the choice it came after, in brackets):"
SCORE_POINT = "{score} ({step})"
SCORE_ARROW = " → "
REPORT = "Transparency Report: what the system saw"
REPORT_HEAD = ("Step", "Choice", "Behaviour", "Really seen by", "Cost", "Told why")
REPORT_WIDTHS = (4, 19, 16, 16, 5, 8)
REPORT_NONE = "You made no choices."
COST_SPLIT = "Cost {parts}"
COST_LATER = "This choice's own {delta:+d} was counted later"
NO_BEHAVIOUR = "-"
SEEN_BY_NOBODY = "nobody"
#: A moment of watching as play shows it (never whether it recorded): "[Camera on the pole:
#: turns toward you]"
WATCHED = "[{line}]"
#: Under a report row: which moments were real, and what recorded with no sign.
MOMENTS_SHOWN = "Moments you saw: {items}"
MOMENT_REAL = "{name} (real: it recorded you)"
MOMENT_FAKE = "{name} (nothing recorded)"
MOMENTS_UNSHOWN = "Recorded with no sign: {names}"
NOT_SCORED = "(not scored)"
TOLD_YES, TOLD_NO, TOLD_NA = "yes", "no", "-"
CHILLING = "The chilling effect: unscored and scored"
CHILLING_FIGURE = "Unscored, you {candid} in {before} of {pairs}; under the score, {after} of {pairs}."
CHILLING_SHIFT = "That is {percent}% {direction} under observation."
CHILLING_FEWER, CHILLING_MORE = "fewer", "more"
CHILLING_SAME = "Your answers did not move under observation."
CHILLING_NONE = ("Nothing to compare: you did not answer the same dilemma both unscored and "
                 "scored. Play Day Zero and The Pilot City one after the other, with either "
                 "person, to see it.")
CHILLING_UNSCORED = ("Nothing was scored in this chapter, so it has no 'under the score' half "
                     "yet. Play The Pilot City next: its dilemmas are the same ones, scored.")
CHILLING_HELD_BACK = ("You held back both times, in every dilemma: unscored and under the "
                      "score alike. There was no candid answer to compare.")
CANDID_GENERIC = "gave the candid answer"
PUBLISHED = "Published figures, each beside the kind of dilemma it can be compared with:"
CHILLING_NO_KINDS = ("This chapter does not mark its dilemmas as expression or rule-following, "
                     "so no published figure is set beside yours.")
CHILLING_KIND = "{name}: candid in {before} of {pairs} unscored, {after} of {pairs} under the score."
PENNEY = ("  Penney (2016), beside lawful expression: about 20% fewer views of 48 "
          "terrorism-related Wikipedia articles after the June 2013 surveillance revelations.")
BATESON = ("  Bateson et al. (2006), beside rule-following: 2.76 times more paid into an "
           "honesty box under a picture of eyes (48 people, one coffee room, 10 weeks). Later "
           "reviews differ: no effect of eye pictures on generosity (Northover et al. 2017), "
           "35% less antisocial behaviour (Dear, Dutton & Fox 2019).")
VERDICT = "Your game in three lines:"
FOLDED_HEAD = "Folded away: type a letter and Enter to open one, or just Enter to finish."
FOLDED_AGAIN = "Type r, t or s and Enter to open another, or just Enter to finish."
FOLD_RULES = "  r  The same choices under other rules: {n} counted differently"
FOLD_TALK = "  t  Talk about it: {n} questions"
FOLD_REAL = "  s  What is real: the sources for the {n} scenes you saw"
REAL = "What is real"
REAL_SCENE = "  {title}: {basis}."
REAL_SOURCES = "    Sources: {titles}"
BASIS = {
    "reported": "reported (documented by a reliable source cited here)",
    "extrapolated": "extrapolated (not documented; could follow from what is)",
    "fiction": "fiction (made up for the story)",
}
CORRECTIONS = "Where the sources overstate"
PROMPTS = "Talk about it"
PROMPT_HEADINGS = (
    ("feel", "How do you feel?"),
    ("happened", "What happened?"),
    ("learned", "What did you learn?"),
    ("relates", "How does it relate to the real world?"),
    ("what_if", "What if...?"),
    ("next", "What next?"),
)
BULLET = "  - {text}"
