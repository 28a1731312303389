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
#: What caused a change of score, in the debrief's split of a choice's cost (core.changes).
CAUSE_WORDS = {"behaviour": "this choice", "delayed": "an earlier choice", "rating": "a rating",
               "network": "your contacts", "appeal": "an appeal"}


def cost_parts(changes, minus: str = "-") -> str:
    """A choice's changes of score, by cause: "-25 this choice, -2 your contacts"."""
    return ", ".join(f"{c.delta:+d} {CAUSE_WORDS.get(c.cause, c.cause)}".replace("-", minus)
                     for c in changes)
