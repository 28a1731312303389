"""Every word of the interface that the engine produces, in one place for translation."""

SCORE_ADJUSTED = "Score adjusted"
NETWORK_REASON = "Your contacts' scores"
DELAYED_REASON = "A past choice, counted now"
RATING_REASON = "{name} rated you {stars}★"
APPEAL_WON = "Appeal upheld"
SERVICE_WHY = "{name}: {why}"
NEEDS_THRESHOLD = "needs {threshold}, you have {score}"
SERVICE_CLOSED = "{name}: closed to you"
NEEDS_SCORE = "Needs a score of {n}, you have {score}"
NEEDS_SCORE_BELOW = "Only below a score of {n}"
NEEDS_MONEY = "Needs {n} in money, you have {money}"
NEEDS_TIER = "Needs the tier {name}"
NEEDS_NOT_BLACKLISTED = "Closed while you are on the {name}"
NEEDS_BLACKLISTED = "Only while you are on the {name}"
NEEDS_CONTACT = "Needs {name} in your network"
NEEDS_OTHER = "Not open to you now"
CHOICE_UNKNOWN = "There is no choice `{choice}` here"
CHOICE_LOCKED = "That choice is locked: {reason}"
GAME_OVER = "The game has ended; start a new one"
#: The two kinds of dilemma the chilling effect is measured on, apart (a level's baseline
#: pairs say which is which): only lawful expression is a chilling effect in Penney's sense;
#: following a rule more under a camera is deterrence.
PAIR_KIND_NAMES = {"expression": "Lawful expression (complaint, petition, post)",
                   "rules": "Rule-following (red light, bill, gaming)"}
PAIR_KIND_SHORT = {"expression": "expression", "rules": "rule-following"}

#: What a moment of watching looks like, in words (`core.moments`; the window's caption and
#: the text mode's line): "Camera on the pole: turns toward you".
MOMENT_WORDS = {"camera": "turns toward you", "light": "a red light comes on",
                "buzz": "a buzz, “Activity noted”", "glance": "a glance at a screen"}
MOMENT_LINE = "{name}: {what}"


def moment_line(name: str, look: str) -> str:
    """A moment of watching as one caption: "Camera on the pole: turns toward you"."""
    return MOMENT_LINE.format(name=name, what=MOMENT_WORDS.get(look, MOMENT_WORDS["glance"]))


#: What caused a change of score, in the debrief's split of a choice's cost (core.changes).
CAUSE_WORDS = {"behaviour": "this choice", "delayed": "an earlier choice", "rating": "a rating",
               "network": "your contacts", "appeal": "an appeal"}


def cost_parts(changes, minus: str = "-") -> str:
    """A choice's changes of score, by cause: "-25 this choice, -2 your contacts"."""
    return ", ".join(f"{c.delta:+d} {CAUSE_WORDS.get(c.cause, c.cause)}".replace("-", minus)
                     for c in changes)


# ---- the debrief's contrast: the same choices under another ruleset (core.contrast_words)
CONTRAST_TITLE = "The same choices under other rules"
CONTRAST_WHAT = "What you did"   # the first column of the side-by-side table
CONTRAST_INTRO = ('You played under "{own}". Here is what the very same choices did when the '
                  'game played them again under "{other}".')
CONTRAST_NOT_REPLAYED = ('This game did not start at the beginning of the chapter, so it '
                         'cannot be played again under "{other}" to compare.')
CONTRAST_SAME = 'Every choice counted the same under both.'
CONTRAST_ROW = '{what}: under "{own}" {own_outcome}. Under "{other}" {other_outcome}.'
CONTRAST_CHOICE = 'Choosing "{text}"'
CONTRAST_COST = "it cost you {n} {points}"
CONTRAST_GAIN = "it earned you {n} {points}"
CONTRAST_LATER = ", counted {n} {choices} later"
CONTRAST_ZERO = "it was scored, but for no points"
CONTRAST_MISSED = "it could have counted, but no sensor caught it this time"
CONTRAST_NEVER = "it was never scored"
CONTRAST_QUIET = "nothing there was scored"
CONTRAST_NONE = "it was not scored"
CONTRAST_THEN = ", and then {what}"
CONTRAST_OTHERS_THEN = "; after it, because of other changes to your score, {what}"
CONTRAST_BUT_THEN = ", but then {what}"
CONTRAST_CLOSED = "{doors} closed to you"
CONTRAST_OPENED = "{doors} opened to you"
CONTRAST_LISTED = "you were put on the {name}"
CONTRAST_AND = " and "
CONTRAST_FINAL = 'Score at the end: {own_score} under "{own}", {other_score} under "{other}".'
CONTRAST_SO_FAR = ('Up to there, your score was {own_score} under "{own}" and {other_score} '
                   'under "{other}".')
CONTRAST_LISTED_AFTER = ('Under "{rules}" you were put on the {name} after "{choice}", when your '
                         'score fell to {score}, below {below}.')
CONTRAST_LISTED_CAUSE = ('Under "{rules}" you were put on the {name} after "{choice}", not because '
                         'of your score (it was {score}).')
CONTRAST_LISTED_START = 'Under "{rules}" you were on the {name} from the start.'
CONTRAST_OFF_LIST = " {When} you were off it."
CONTRAST_NEVER_LISTED = 'Under "{rules}" you were never listed.'
CONTRAST_DOORS = "Closed to you {when}: {doors}."
CONTRAST_NO_DOORS = "Nothing was closed to you {when}."
#: (when, When) for the end of both games, and for the point where the stories part
CONTRAST_AT_END = ("at the end", "By the end")
CONTRAST_BY_THEN = ("by then", "By then")
CONTRAST_PARTED = {
    "locked": ('The stories part at choice {step}: under "{other}", "{choice}" was locked '
               '({reason}). The comparison stops there.'),
    "missing": ('The stories part at choice {step}: under "{other}", "{choice}" was never '
                'offered. The comparison stops there.'),
    "ended": ('Under "{other}" the story had already ended before choice {step}, '
              '"{choice}". The comparison stops there.'),
    "ending": ('The same choices end differently: "{own_end}" under "{own}", '
               '"{other_end}" under "{other}".'),
}
#: The debrief's opening verdict (core.verdict): three lines from the player's own game.
VERDICT_UNSCORED_ANSWERS = ("Nobody was counting here: you spoke up in {candid} of the "
                            "{n} {dilemmas} you met.")
VERDICT_UNSCORED_NONE = "Nobody was counting here: nothing you chose was scored."
VERDICT_CHANGED = ("You changed {changed} of your {n} {answers} under the score (candid "
                   "answers: {before} unscored, {after} scored).")
VERDICT_KEPT = ("Under the score you gave the same {answers} as when nobody was counting "
                "(candid answers: {before} of {n}).")
VERDICT_CHANGED_ONE = ("You changed your answer under the score: you {before} when nobody was "
                       "counting, and {after} under the score.")
VERDICT_CANDID, VERDICT_NOT_CANDID = "spoke up", "held back"
VERDICT_SCORE_STILL = "Nothing you did moved your score: it stayed at {end}."
VERDICT_SCORE_PATH = "Your score went from {start} to {end}; {moved} of your {n} {choices} moved it."
VERDICT_NO_CHOICES = "You made no choices here."
VERDICT_NOT_RECORDED_UNSCORED = "No sensor recorded anything you did: nothing here was scored."
VERDICT_NOT_RECORDED = "No sensor caught anything you did."
VERDICT_ONE_RECORDER = "{name} recorded you at {k} of your {n} {choices}"
VERDICT_RECORDERS = "{count} sensors recorded you at {k} of your {n} {choices}"
VERDICT_ONE_HIDDEN = ", and no watcher on screen ever stood for it."
VERDICT_ONE_SHOWN = ", and a watcher on screen stood for it."
VERDICT_HIDDEN = "; {h} of them never had a watcher on screen: {names}."
VERDICT_NONE_HIDDEN = "; each had a watcher on screen."
VERDICT_LISTED = "You were put on the {name} after “{choice}”{still}."
VERDICT_LISTED_START = "You were on the {name} from the start{still}."
VERDICT_LISTED_STILL = ", and were still on it at the end"
VERDICT_LISTED_OFF = ", and were off it by the end"
VERDICT_DOOR_CLOSED = "{door} closed to you in “{scene}” and stayed closed{more}."
VERDICT_DOOR_FROM_START = "{door} was closed to you from the start and never opened{more}."
VERDICT_DOOR_AT_END = "{door} was closed to you at the end{more}."
VERDICT_DOORS_MORE = " ({n} more {doors} too)"
VERDICT_NOTHING_CLOSED = "No door closed to you, and no list held your name."
VERDICT_NOTHING_UNSCORED = "Nobody was counting, so no door closed and no list held your name."

#: The campaign's finale (core.finale): the whole record, after the last chapter.
FINALE_TITLE = "The Whole Record"
FINALE_INTRO = ("You played {count} chapters. Each system kept its own piece of you, and none "
                "of them saw the others' pieces. Here they are side by side, for the first time.")
FINALE_KNEW = "{chapter} {systems}."   # chapter: its title and a colon (finale._titled)
FINALE_SYSTEM = "{system} recorded you {times}{unshown}"
FINALE_UNSHOWN = " ({n} of them with nothing on your screen)"
FINALE_NEVER_SHOWN = " (never shown on your screen)"
FINALE_NOBODY = "nothing recorded you"
FINALE_RATED = "people you met rated you {times}, and the ratings were kept"
FINALE_SHOWN_OFF = "And {n}, a watcher was on your screen while nothing recorded you at all."
FINALE_LISTED = "You ended the chapter on the {name}."   # name: the level's blacklist name
FINALE_DEEDS = "Three things you did:"
#: chapter: its title and a comma (finale._titled); choice: a whole sentence
FINALE_DEED = "{chapter} {scene}. You chose: {choice} {what}"
FINALE_SEEN = "Seen by {seen}. Your score: {delta}."
FINALE_UNSEEN_MOVED = "No sensor recorded it, yet your score moved: {delta}."
FINALE_UNSCORED = "Nothing was counting."
FINALE_NO_ONE = "no one"
FINALE_ONCE = "once"
FINALE_TWICE = "twice"
FINALE_TIMES = "{n} times"
FINALE_NO_CHANGE = "no change"
MINUS = "−"   # the minus sign of a score change, as the score card shows it (−30)
FINALE_QUESTION = ("Mei has a phone of her own now. Which of these three would you still have "
                   "done if nobody had been counting, and what will you tell her about the rest?")

#: The mark on a remembered line (`core.recall`), in every front end: the line is from an
#: earlier chapter of the campaign.
REMEMBERED = "From an earlier chapter"
