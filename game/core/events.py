"""What happened when a choice was made. The window animates these; the text mode prints them."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import ClassVar

from .state import written_init   # events are made on every choice, like records


@dataclass(frozen=True)
class Event:
    kind: ClassVar[str] = "event"

    def to_dict(self) -> dict:
        """A JSON-ready dict with the event's kind first."""
        return {"kind": self.kind, **asdict(self)}


@written_init
@dataclass(frozen=True, init=False)
class ChoiceMade(Event):
    kind: ClassVar[str] = "choice_made"
    scene: str
    choice: str
    text: str
    behaviour: str | None
    reply: str | None = None

    def __init__(self, scene, choice, text, behaviour, reply=None):
        object.__setattr__(self, "__dict__", {
            "scene": scene, "choice": choice, "text": text, "behaviour": behaviour,
            "reply": reply})


@written_init
@dataclass(frozen=True, init=False)
class Observed(Event):
    """Which sensors really saw a behaviour (possibly none). Never shown during play."""
    kind: ClassVar[str] = "observed"
    behaviour: str
    sensors: tuple[str, ...]

    def __init__(self, behaviour, sensors):
        object.__setattr__(self, "__dict__", {"behaviour": behaviour, "sensors": sensors})


@written_init
@dataclass(frozen=True, init=False)
class ScoreChanged(Event):
    """The score moved. `shown_*` is what the ruleset's legibility lets the player see."""
    kind: ClassVar[str] = "score_changed"
    old: int
    new: int
    delta: int
    cause: str            # behaviour | delayed | network | rating | appeal
    reason: str | None    # the reason, or None when undisclosed
    shown_delta: int | None
    shown_text: str | None  # None: nothing is shown at all

    def __init__(self, old, new, delta, cause, reason, shown_delta, shown_text):
        object.__setattr__(self, "__dict__", {
            "old": old, "new": new, "delta": delta, "cause": cause, "reason": reason,
            "shown_delta": shown_delta, "shown_text": shown_text})


@written_init
@dataclass(frozen=True, init=False)
class ChangePending(Event):
    kind: ClassVar[str] = "change_pending"
    behaviour: str
    delta: int
    due_step: int

    def __init__(self, behaviour, delta, due_step):
        object.__setattr__(self, "__dict__", {
            "behaviour": behaviour, "delta": delta, "due_step": due_step})


@written_init
@dataclass(frozen=True, init=False)
class TierChanged(Event):
    kind: ClassVar[str] = "tier_changed"
    old: str | None
    new: str | None
    name: str | None

    def __init__(self, old, new, name):
        object.__setattr__(self, "__dict__", {"old": old, "new": new, "name": name})


@written_init
@dataclass(frozen=True, init=False)
class ServiceLocked(Event):
    kind: ClassVar[str] = "service_locked"
    service: str
    name: str
    reason: str

    def __init__(self, service, name, reason):
        object.__setattr__(self, "__dict__", {"service": service, "name": name, "reason": reason})


@written_init
@dataclass(frozen=True, init=False)
class ServiceUnlocked(Event):
    kind: ClassVar[str] = "service_unlocked"
    service: str
    name: str

    def __init__(self, service, name):
        object.__setattr__(self, "__dict__", {"service": service, "name": name})


@written_init
@dataclass(frozen=True, init=False)
class Blacklisted(Event):
    kind: ClassVar[str] = "blacklisted"
    name: str
    score: int

    def __init__(self, name, score):
        object.__setattr__(self, "__dict__", {"name": name, "score": score})


@written_init
@dataclass(frozen=True, init=False)
class Delisted(Event):
    kind: ClassVar[str] = "delisted"
    name: str
    score: int

    def __init__(self, name, score):
        object.__setattr__(self, "__dict__", {"name": name, "score": score})


@written_init
@dataclass(frozen=True, init=False)
class AppealDecided(Event):
    kind: ClassVar[str] = "appeal_decided"
    won: bool
    cost: int
    restored: int

    def __init__(self, won, cost, restored):
        object.__setattr__(self, "__dict__", {"won": won, "cost": cost, "restored": restored})


@written_init
@dataclass(frozen=True, init=False)
class PeerRated(Event):
    kind: ClassVar[str] = "peer_rated"
    contact: str
    name: str
    stars: int

    def __init__(self, contact, name, stars):
        object.__setattr__(self, "__dict__", {"contact": contact, "name": name, "stars": stars})


@written_init
@dataclass(frozen=True, init=False)
class ContactCut(Event):
    kind: ClassVar[str] = "contact_cut"
    contact: str
    name: str

    def __init__(self, contact, name):
        object.__setattr__(self, "__dict__", {"contact": contact, "name": name})


@written_init
@dataclass(frozen=True, init=False)
class MoneyChanged(Event):
    kind: ClassVar[str] = "money_changed"
    old: int
    new: int

    def __init__(self, old, new):
        object.__setattr__(self, "__dict__", {"old": old, "new": new})


@dataclass(frozen=True)
class SceneEntered(Event):
    kind: ClassVar[str] = "scene_entered"
    scene: str
    title: str


@dataclass(frozen=True)
class EndingReached(Event):
    kind: ClassVar[str] = "ending_reached"
    ending: str
    title: str


@written_init
@dataclass(frozen=True, init=False)
class StatementShown(Event):
    """Under `delayed` legibility, the score the player sees catches up now."""
    kind: ClassVar[str] = "statement_shown"
    old: int
    new: int

    def __init__(self, old, new):
        object.__setattr__(self, "__dict__", {"old": old, "new": new})
