"""What happened when a choice was made. The window animates these; the text mode prints them."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Event:
    kind: ClassVar[str] = "event"

    def to_dict(self) -> dict:
        """A JSON-ready dict with the event's kind first."""
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True)
class ChoiceMade(Event):
    kind: ClassVar[str] = "choice_made"
    scene: str
    choice: str
    text: str
    behaviour: str | None
    reply: str | None = None


@dataclass(frozen=True)
class Observed(Event):
    """Which sensors really saw a behaviour (possibly none). Never shown during play."""
    kind: ClassVar[str] = "observed"
    behaviour: str
    sensors: tuple[str, ...]


@dataclass(frozen=True)
class Watched(Event):
    """A moment of watching the scene shows (a camera turns, a phone buzzes): `look` is how.
    It never says whether anything recorded (see `core.moments`)."""
    kind: ClassVar[str] = "watched"
    watcher: str
    name: str
    look: str


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class ChangePending(Event):
    kind: ClassVar[str] = "change_pending"
    behaviour: str
    delta: int
    due_step: int


@dataclass(frozen=True)
class TierChanged(Event):
    kind: ClassVar[str] = "tier_changed"
    old: str | None
    new: str | None
    name: str | None


@dataclass(frozen=True)
class ServiceLocked(Event):
    kind: ClassVar[str] = "service_locked"
    service: str
    name: str
    reason: str


@dataclass(frozen=True)
class ServiceUnlocked(Event):
    kind: ClassVar[str] = "service_unlocked"
    service: str
    name: str


@dataclass(frozen=True)
class Blacklisted(Event):
    """Put on the level's list. `by_score`: the score fell below the line; False when a
    stated cause (the blacklist's `when`, e.g. an unpaid court judgment) put you there."""
    kind: ClassVar[str] = "blacklisted"
    name: str
    score: int
    by_score: bool = True


@dataclass(frozen=True)
class Delisted(Event):
    kind: ClassVar[str] = "delisted"
    name: str
    score: int


@dataclass(frozen=True)
class AppealDecided(Event):
    kind: ClassVar[str] = "appeal_decided"
    won: bool
    cost: int
    restored: int


@dataclass(frozen=True)
class PeerRated(Event):
    kind: ClassVar[str] = "peer_rated"
    contact: str
    name: str
    stars: int


@dataclass(frozen=True)
class ContactCut(Event):
    kind: ClassVar[str] = "contact_cut"
    contact: str
    name: str


@dataclass(frozen=True)
class MoneyChanged(Event):
    kind: ClassVar[str] = "money_changed"
    old: int
    new: int


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


@dataclass(frozen=True)
class StatementShown(Event):
    """Under `delayed` legibility, the score the player sees catches up now."""
    kind: ClassVar[str] = "statement_shown"
    old: int
    new: int

