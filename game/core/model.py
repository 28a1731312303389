"""The level model: what a level file says, checked and frozen.

Every class here is a pydantic model with ``extra="forbid"`` and ``frozen=True``: it is the
format's reference (each field's description becomes the editors' hover text and the JSON
Schema), the validator, and the unchanging story the engine reads. Conditions and effects are
structured mappings with exactly one key, never strings evaluated as code.
"""
from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Basis = Literal["reported", "extrapolated", "fiction"]
Legibility = Literal["exact", "stars", "direction_hidden", "delayed", "hidden"]
PairKind = Literal["expression", "rules"]
FORMAT_VERSIONS = (1,)
#: Every whole number in a level lies within plus or minus this: scores, money, counters and
#: years are far smaller, and a 4,000-digit number must be refused, not reach the engine.
WHOLE_LIMIT = 1_000_000
Whole = Annotated[int, Field(ge=-WHOLE_LIMIT, le=WHOLE_LIMIT)]

#: Icons for the watchers strip.
WATCHER_ICONS = ("camera", "phone", "bank", "employer", "neighbour", "app", "eye", "car",
                 "watch", "chip")
#: How a watcher shows a moment of watching in the scene (`Watcher.moment`): a camera turns
#: toward you, a small red light comes on, a phone buzzes "Activity noted", someone glances
#: at a screen; `none` never shows one.
MOMENT_LOOKS = ("camera", "light", "buzz", "glance", "none")
Look = Literal["camera", "light", "buzz", "glance", "none"]
#: The moment a watcher shows when its `moment` is not given, from its icon.
LOOK_OF_ICON = {"camera": "camera", "watch": "light", "chip": "light", "car": "light",
                "phone": "buzz", "app": "buzz", "bank": "buzz", "employer": "glance",
                "neighbour": "glance", "eye": "glance"}
#: The kinds of place a scene can be (`Scene.place`), for its ambient sound.
PLACES = ("street", "station", "office", "home", "hall")
Place = Literal["street", "station", "office", "home", "hall"]
#: A scene's kind of place when its `place` is not given, from its art (any other: street).
PLACE_OF_ART = {"bedroom": "home", "kitchen": "home", "apartment": "home", "phone": "home",
                "station": "station", "airport": "station", "border": "station",
                "office": "office", "bank": "office", "cafe": "hall",
                "school": "hall", "appeal_office": "hall", "hospital": "hall",
                "courtroom": "hall", "gym": "hall",
                # the pictures in assets/art (docs/ART.md's Place column)
                "certificate_drawer": "home", "crooked_tiles": "home", "guo_asks": "street",
                "health_code_gates": "station", "hospital_one_foot": "hall",
                "lift_coats": "home", "night_five_stars": "home", "night_petition": "home",
                "sunday_contacts": "home", "upheld_letter": "home", "volunteer_door": "home",
                "work_notice": "office",
                "albers_boiler": "home", "chip_desk": "office", "city_pool": "hall",
                "court_text": "home", "date_table": "hall",
                "flat_viewing": "hall", "four_messages": "home", "gdpr_answers": "home",
                "guo_door": "home", "guo_door_camera": "home", "homework_table": "home",
                "hospital_wait": "hall", "hotel_desk": "office", "lecture_room": "hall",
                "lift_poster": "home", "lily_profile": "home", "manager_screen": "office",
                "meter_call": "home", "night_chat": "home",
                "night_game": "home", "noodle_bar": "hall",
                "rating_list": "home", "reminder_letter": "home", "school_office": "hall",
                "service_hall": "hall", "sesame_app": "home", "sky_lounge_lift": "hall",
                "station_gates": "station", "station_gates_woman": "station",
                "sunday_morning": "home", "sweep_day": "home", "visa_doors": "office",
                "ahlan_soup": "hall", "bakery_queue": "hall", "boxes_upstairs": "hall",
                "building_chat": "home", "contacts_stars": "home", "dispute_saved": "home",
                "fridge_letter": "home",
                "grey_queue": "street", "kredo_corrected": "home", "kredo_explained": "home",
                "lantern_window": "street", "lily_slide": "home", "sunday_settings": "home",
                "tram_morning": "street", "visitor_pass": "office",
                "vogt_email": "home", "wake_up": "home", "willow_flat": "home",
                "wristband_parcel": "home",
                "swim_form": "home", "test_sixty_eight": "home",
                "form_sent": "home", "phone_face_down": "home", "mei_post": "home",
                "osei_crosses": "street", "gdpr_answers_known": "home",
                "night_game_clock": "home", "zhou_noodles": "home", "pole_glance": "street",
                "staff_room": "office", "last_counter": "hall"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def __getstate__(self):
        """Pickled (for the analyzer's process pool) as its fields alone: what is worked out
        and cached on a model (`cached_property`, the engine's plan) holds functions, and is
        made again where it is needed."""
        state = super().__getstate__()
        fields = type(self).model_fields
        state["__dict__"] = {k: v for k, v in state["__dict__"].items() if k in fields}
        return state


class _OneKey(_Model):
    """A mapping with exactly one of its keys set."""

    @model_validator(mode="after")
    def _exactly_one(self):
        given = [k for k in self.model_fields_set if getattr(self, k) is not None]
        if len(given) != 1:
            names = ", ".join(f"`{f.alias or k}`" for k, f in type(self).model_fields.items())
            raise ValueError(f"write exactly one of {names} here (found {len(given)})")
        return self


# ---------------------------------------------------------------- conditions

class CounterTest(_Model):
    name: str = Field(description="The counter to test.")
    at_least: Whole | None = Field(None, description="True when the counter is at least this.")
    below: Whole | None = Field(None, description="True when the counter is below this.")


class RelationshipTest(_Model):
    contact: str = Field(description="The contact whose relationship is tested.")
    at_least: Whole | None = Field(None, description="True when the relationship is at least this.")
    below: Whole | None = Field(None, description="True when the relationship is below this.")


class Condition(_OneKey):
    """A test on the game state, written as a mapping with exactly one key."""

    score_at_least: Whole | None = Field(None, description="True when your score is at least this.")
    score_below: Whole | None = Field(None, description="True when your score is below this.")
    tier: str | None = Field(None, description="True when you are in this tier (a tier id).")
    service: str | None = Field(None, description="True when this service is open to you.")
    flag: str | None = Field(None, description="True when this flag is set.")
    counter: CounterTest | None = Field(None, description="Test a counter's value.")
    money_at_least: Whole | None = Field(None,
                                         description="True when you have at least this money.")
    relationship: RelationshipTest | None = Field(None, description="Test a contact's closeness.")
    contact: str | None = Field(None, description="True while this contact is still in your network.")
    persona: str | None = Field(None, description="True when playing this persona (a persona id).")
    ruleset: str | None = Field(None, description="True when playing under this ruleset.")
    visited: str | None = Field(None, description="True when this scene has been seen.")
    blacklisted: bool | None = Field(None, description="`true`: you are on the blacklist; `false`: not.")
    all: list[Condition] | None = Field(None, description="True when every condition listed is.")
    any: list[Condition] | None = Field(None, description="True when at least one listed is.")
    not_: Condition | None = Field(None, alias="not", description="True when this one is not.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# ---------------------------------------------------------------- effects

class CountChange(_Model):
    name: str = Field(description="The counter to change.")
    by: Whole = Field(1, description="How much to add (negative to take away).")


class ContactChange(_Model):
    contact: str = Field(description="The contact to change.")
    by: Whole = Field(description="How much to add (negative to take away).")


class Rating(_Model):
    contact: str = Field(description="Who rates you.")
    stars: int = Field(ge=1, le=5, description="Stars given, 1 to 5. Weighted by the rater's score.")


class Appeal(_Model):
    cost: int = Field(0, ge=0, le=WHOLE_LIMIT, description="Money paid to appeal.")
    chance: float = Field(0.5, ge=0, le=1, description="Chance (0 to 1) that the appeal wins.")


class Branch(_Model):
    when: Condition = Field(description="The condition to test.")
    then: list[Effect] = Field(default_factory=list, description="Effects when it holds.")
    otherwise: list[Effect] = Field(
        default_factory=list, alias="else", description="Effects when it does not.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Effect(_OneKey):
    """A change to the game state, written as a mapping with exactly one key."""

    set: str | None = Field(None, description="Set this flag.")
    clear: str | None = Field(None, description="Clear this flag.")
    count: CountChange | None = Field(None, description="Add to a counter.")
    money: Whole | None = Field(None, description="Add money (negative to spend).")
    relationship: ContactChange | None = Field(None, description="Change closeness to a contact.")
    contact_score: ContactChange | None = Field(None, description="Change a contact's score.")
    cut: str | None = Field(None, description="Remove this contact from your network.")
    rating: Rating | None = Field(None, description="A peer rates you; changes your score.")
    appeal: Appeal | None = Field(None, description="Appeal your last deduction.")
    goto: str | None = Field(None, description="Go to this scene or ending instead.")
    if_: Branch | None = Field(None, alias="if", description="Effects that depend on a condition.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# ---------------------------------------------------------------- rules and world

class Tier(_Model):
    id: str = Field(description="Short id used in conditions, e.g. `A`.")
    name: str = Field(description="The tier's name shown beside the score.")
    min: Whole = Field(description="The lowest score in this tier.")


class ScoreRules(_Model):
    start: Whole = Field(1000, description="The score everyone starts with, unless a persona says.")
    min: Whole = Field(0, description="The score can never go below this.")
    max: Whole = Field(1300, description="The score can never go above this.")
    tiers: list[Tier] = Field(default_factory=list, description="Tiers, any order.")
    seen_while: Condition | None = Field(None, description=(
        "The player sees the score only while this holds, under every ruleset (e.g. "
        "`{not: {flag: opted_out}}`: the app that showed it is deleted). Otherwise the "
        "score still moves, unseen: no number, stars, tier, change or statement shows."))


class Service(_Model):
    name: str = Field(description="What the player sees, e.g. `High-speed rail`.")
    threshold: Whole | None = Field(None, description="Open while your score is at least this.")
    needs: Condition | None = Field(None, description="Open while this condition holds.")
    locked_text: str | None = Field(None, description="Why it is closed, in your words; the "
                                    "game puts the service's name in front.")


class Sensor(_Model):
    name: str = Field(description="What this sensor is, e.g. `Street camera with face match`.")
    chance: float = Field(1.0, ge=0, le=1, description="Chance (0 to 1) it catches a behaviour.")


class Watcher(_Model):
    name: str = Field(description="What the player sees in the watchers strip.")
    icon: str = Field("eye", description="Icon: camera, phone, bank, employer, neighbour, app, "
                      "eye, car, watch or chip.")
    sensor: str | None = Field(None, description="The sensor this watcher stands for, if any.")
    pulse: bool = Field(False, description="Draw this watcher pulsing.")
    moment: Look | None = Field(None, description="How it shows a moment of watching when a "
                                "behaviour happens in its scene: camera (turns toward you), "
                                "light (a red light comes on), buzz (\"Activity noted\"), "
                                "glance (at a screen), or none (default: from the icon).")
    moment_chance: float = Field(0.6, ge=0, le=1, description=(
        "Chance (0 to 1) that it shows a moment, the same whether or not its sensor really "
        "records: a moment never tells the player which."))

    @property
    def look(self) -> str:
        """The moment it shows: its own `moment`, or the one its icon suggests."""
        return self.moment or LOOK_OF_ICON.get(self.icon, "glance")


class Behaviour(_Model):
    name: str = Field(description="What the behaviour is, in plain words.")


class Rule(_Model):
    change: Whole = Field(0, description="Score change when this behaviour is seen.")
    seen_by: list[str] = Field(default_factory=list, description="Sensors that can see it.")
    always: bool = Field(False, description="Counted even when no sensor is active.")
    disclosed: bool = Field(True, description="Whether the player is told the reason.")
    reason: str | None = Field(None, description="The reason shown when disclosed.")
    delay: int = Field(0, ge=0, le=WHOLE_LIMIT,
                       description="Choices before the change lands (0: at once).")


class Ruleset(_Model):
    name: str = Field(description="The ruleset's name shown when choosing it.")
    description: str = Field("", description="One or two sentences for the player.")
    legibility: Legibility = Field("exact", description="How much of the score the player sees.")
    rules: dict[str, Rule] = Field(default_factory=dict, description="Behaviour id -> rule.")


class Contact(_Model):
    name: str = Field(description="The contact's name.")
    score: Whole = Field(1000, description="Their starting score.")
    relationship: Whole = Field(1, description="Starting closeness (0 none, higher closer).")
    about: str = Field("", description="One line on who they are.")


class Network(_Model):
    pull: float = Field(0.0, ge=0, le=1, description="Share of the gap to your contacts' "
                        "average score that moves your score after each scored choice.")
    disclosed: bool = Field(False, description="Whether the player is told why.")
    reason: str = Field("Your contacts' scores", description="The reason, when disclosed.")
    rulesets: list[str] | None = Field(None, description="The rulesets under which the pull "
                                       "applies (default: all).")
    points_per_star: Whole = Field(10, description="Score per star above or below 3 in a peer "
                                 "rating, for a rater with a score of 1000.")


class Blacklist(_Model):
    below: Whole = Field(description="You are listed when your score falls below this.")
    leave_at: Whole | None = Field(None, description="You leave the list at this score "
                                 "(default: the same as `below`).")
    name: str = Field("Blacklist", description="The list's name shown to the player.")
    rulesets: list[str] | None = Field(None, description="The rulesets under which a score "
                                       "below `below` lists you (default: all).")
    when: Condition | None = Field(None, description="You are also listed while this holds, "
                                   "whatever your score (a court judgment left unpaid).")
    effects: list[Effect] = Field(default_factory=list, description="Effects when listed.")


class Persona(_Model):
    name: str = Field(description="The persona's name.")
    description: str = Field("", description="Who they are, for the choosing screen.")
    score: Whole | None = Field(None, description="Starting score (default: the level's).")
    money: Whole = Field(0, description="Starting money.")
    flags: list[str] = Field(default_factory=list, description="Flags set at the start.")
    counters: dict[str, Whole] = Field(default_factory=dict, description="Counters at the start.")
    contacts: list[str] | None = Field(None, description="Contacts at the start (default: all).")


class Preset(_Model):
    scene: str = Field(description="The scene to start at.")
    persona: str | None = Field(None, description="The persona (default: the first).")
    ruleset: str | None = Field(None, description="The ruleset (default: the first).")
    score: Whole | None = Field(None, description="The score to start with.")
    money: Whole | None = Field(None, description="The money to start with.")
    flags: list[str] = Field(default_factory=list, description="Flags set.")
    counters: dict[str, Whole] = Field(default_factory=dict, description="Counters set.")
    contacts: list[str] | None = Field(None, description="Contacts still in your network.")
    blacklisted: bool = Field(False, description="Start on the blacklist.")


class Source(_Model):
    title: str = Field(description="Title of the work.")
    author: str = Field("", description="Who wrote it.")
    year: Whole | None = Field(None, description="Year published.")
    url: str = Field("", description="Where to read it.")
    note: str = Field("", description="What it supports, or where it overstates.")


class BaselinePair(_Model):
    question: str = Field(description="The dilemma in a few words, for the debrief.")
    candid: str = Field("spoke up", description="What the candid answer is, for the debrief.")
    kind: PairKind | None = Field(
        None, description="`expression` (saying or signing something lawful: a complaint, a "
        "petition, a post) or `rules` (following a rule: a red light, a bill, a curfew). The "
        "debrief gives each its own figure: only expression is a chilling effect in Penney's "
        "sense.")


class BaselineMark(_Model):
    pair: str = Field(description="The baseline pair this choice belongs to.")
    candid: bool = Field(description="`true` for the candid (unguarded) answer.")


# ---------------------------------------------------------------- story

class Choice(_Model):
    id: str = Field(description="Stable id, unique in its scene.")
    text: str = Field(description="The button text.")
    behaviour: str | None = Field(None, description="The behaviour this choice is.")
    needs: Condition | None = Field(None, description="Shown locked unless this holds.")
    shown_if: Condition | None = Field(None, description="Hidden unless this holds.")
    effects: list[Effect] = Field(default_factory=list, description="What the choice changes.")
    goto: str | None = Field(None, description="Next scene or ending id.")
    finish: bool = Field(False, description="End the level; the ending is chosen by `when`.")
    baseline: BaselineMark | None = Field(None, description="Marks a baseline-pair answer.")
    reply: str | None = Field(None, description="A line shown after choosing (optional).")
    locked_text: str | None = Field(None, description="Why it is locked, in your words "
                                    "(default: worked out from `needs`).")

    @model_validator(mode="after")
    def _has_exit(self):
        if self.goto is None and not self.finish:
            raise ValueError("a choice needs `goto: <scene or ending>` or `finish: true`")
        return self


class Memory(_Model):
    """A line that shows only when an earlier chapter of the campaign went a certain way."""
    if_: str | None = Field(None, alias="if", description=(
        "`chapter.what`: shown when that chapter was played earlier in the campaign and ended "
        "with this flag set, at this ending, or (`chapter.listed`) on a list."))
    unless: str | None = Field(None, description=(
        "`chapter.what`: shown when that chapter was played earlier and did not end so."))
    text: str = Field(description="The line, added after the text (a sentence or two).")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self):
        given = [k for k in ("if", "unless") if getattr(self, "if_" if k == "if" else k)]
        if len(given) != 1:
            raise ValueError("write exactly one of `if` and `unless` here, e.g. "
                             "`if: pilot_city.listed`")
        chapter, _, what = (self.if_ or self.unless or "").partition(".")
        if not chapter or not what:
            raise ValueError("name an earlier chapter and what happened there, with a dot "
                             "between them, e.g. `if: pilot_city.listed`")
        return self

    @property
    def about(self) -> tuple[str, str]:
        """(chapter, what) this line asks about."""
        chapter, _, what = (self.if_ or self.unless or "").partition(".")
        return chapter, what


class Scene(_Model):
    title: str = Field(description="The scene's title.")
    text: str = Field(description="What the player reads (about 90 words at most).")
    art: str = Field("street", description="The picture: a name from docs/ART.md, or a path to "
                     "an .svg file inside the level's folder.")
    place: Place | None = Field(None, description="The kind of place, for its ambient sound: "
                                "street, station, office, home or hall (default: from `art`).")
    basis: Basis = Field(description="reported, extrapolated or fiction.")
    sources: list[str] = Field(default_factory=list, description="Keys into `sources`.")
    scored: bool | None = Field(None, description="Whether choices here are scored "
                                "(default: the level's `scored`).")
    watchers: list[str] = Field(default_factory=list, description="Watchers shown here.")
    sensors: list[str] | None = Field(None, description="Sensors really active here "
                                      "(default: those of the watchers shown).")
    choices: list[Choice] = Field(min_length=1, description="At least one choice.")
    remembers: list[Memory] = Field(default_factory=list, description=(
        "Lines added to the text when an earlier chapter went a certain way."))
    score_shown: bool = Field(True, description=(
        "false when the player has no score on screen in this scene (the app that shows it "
        "is not there yet): nothing of the score shows here, as while `score.seen_while` "
        "does not hold, and no services either (the doors are the app's)."))


class Ending(_Model):
    title: str = Field(description="The ending's title.")
    text: str = Field(description="What the player reads at the end.")
    when: Condition | None = Field(None, description="Chosen by `finish` when this holds.")
    art: str = Field("street", description="The picture: a name from docs/ART.md, or a path to "
                     "an .svg file inside the level's folder.")
    basis: Basis = Field("fiction", description="reported, extrapolated or fiction.")
    sources: list[str] = Field(default_factory=list, description="Keys into `sources`.")
    remembers: list[Memory] = Field(default_factory=list, description=(
        "Lines added to the text when an earlier chapter went a certain way."))
    score_shown: bool = Field(True, description=(
        "false when the ending's text says the player no longer sees their score (they "
        "deleted the app): the ending then says so instead of showing a final score."))


class Debrief(_Model):
    feel: list[str] = Field(default_factory=list, description="How do you feel?")
    happened: list[str] = Field(default_factory=list, description="What happened?")
    learned: list[str] = Field(default_factory=list, description="What did you learn?")
    relates: list[str] = Field(default_factory=list, description="How does it relate to the real world?")
    what_if: list[str] = Field(default_factory=list, description="What if...?")
    next: list[str] = Field(default_factory=list, description="What next?")
    corrections: list[str] = Field(default_factory=list,
                                   description="Where the sources overstate, said plainly.")


class Level(_Model):
    """A whole level file."""

    format: Whole = Field(description="The level format version. Write `format: 1`.")
    id: str = Field(description="Stable id of the level, e.g. `tutorial`.")
    title: str = Field(description="The title players see.")
    order: Whole = Field(100, description="Where it sits in the list of levels.")
    minutes: Whole = Field(10, description="About how long it takes to play.")
    description: str = Field("", description="One or two sentences for the chapter list.")
    start: str = Field(description="The id of the first scene.")
    scored: bool = Field(True, description="Whether scenes are scored unless they say.")
    score: ScoreRules = Field(default_factory=ScoreRules, description="The score's rules.")
    services: dict[str, Service] = Field(default_factory=dict, description="Doors the score opens.")
    sensors: dict[str, Sensor] = Field(default_factory=dict, description="What can observe you.")
    watchers: dict[str, Watcher] = Field(default_factory=dict, description="Who may seem to watch.")
    behaviours: dict[str, Behaviour] = Field(default_factory=dict, description="What choices are.")
    rulesets: dict[str, Ruleset] = Field(min_length=1, description="At least one ruleset.")
    personas: dict[str, Persona] = Field(min_length=1, description="At least one persona.")
    contacts: dict[str, Contact] = Field(default_factory=dict, description="Your network.")
    network: Network = Field(default_factory=Network, description="How contacts pull your score.")
    blacklist: Blacklist | None = Field(None, description="The list below a threshold.")
    baselines: dict[str, BaselinePair] = Field(default_factory=dict,
                                               description="Baseline pairs (unscored vs scored).")
    sources: dict[str, Source] = Field(default_factory=dict, description="Works cited.")
    scenes: dict[str, Scene] = Field(min_length=1, description="Scene id -> scene.")
    endings: dict[str, Ending] = Field(min_length=1, description="Ending id -> ending.")
    debrief: Debrief = Field(default_factory=Debrief, description="Discussion prompts.")
    presets: dict[str, Preset] = Field(default_factory=dict, description="Named starting states.")
    renamed: dict[str, str] = Field(default_factory=dict, description=(
        "Old scene id -> new id; for a choice, `scene.old_choice_id` -> "
        "`scene.new_choice_id`."))

    def choice_now(self, scene_id: str, choice_id: str) -> tuple[str, str]:
        """(scene, choice) where a choice made in an older version of this level is now:
        through `renamed:`'s `scene.choice` entries, else its scene's new id."""
        moved = self.renamed.get(f"{scene_id}.{choice_id}")
        if moved is not None and "." in moved and moved not in self.scenes:
            scene, choice = moved.split(".", 1)
            return scene, choice
        return self.renamed.get(scene_id, scene_id), choice_id

    def is_scored(self, scene_id: str) -> bool:
        """Whether choices in this scene are scored."""
        scored = self.scenes[scene_id].scored
        return self.scored if scored is None else scored

    def active_sensors(self, scene_id: str) -> list[str]:
        """The sensors really on in a scene (not what is shown)."""
        scene = self.scenes[scene_id]
        if scene.sensors is not None:
            return list(scene.sensors)
        return [sensor for w in scene.watchers
                if w in self.watchers and (sensor := self.watchers[w].sensor)]

    def place_of(self, scene_id: str) -> str:
        """A scene's kind of place: its own `place`, or the one its art suggests."""
        scene = self.scenes[scene_id]
        return scene.place or PLACE_OF_ART.get(scene.art, "street")

    def tier_of(self, score: int) -> Tier | None:
        """The tier a score falls in (the highest `min` not above it)."""
        for low, tier in self.tier_floors:
            if low <= score:
                return tier
        return None

    @cached_property
    def tier_floors(self) -> list[tuple[int, Tier]]:
        """Each tier with its `min`, highest first: `tier_of` runs after every choice."""
        return sorted(((tier.min, tier) for tier in self.score.tiers), key=lambda t: -t[0])


Condition.model_rebuild()
Branch.model_rebuild()
Effect.model_rebuild()
