"""Every word the browser pages say that is not the level's, the engine's, the terminal's
(game/text/strings.py) or the classroom's (game/classroom/strings.py): one place for
translation."""
from ..core.strings import REMEMBERED  # noqa: F401  (above a remembered line, core.recall)

# ---- the student's pages
JOIN_TITLE = "Join the lesson"
JOIN_CODE = "Join code (on the board)"
JOIN_BUTTON = "Start"
JOIN_WRONG = "That join code is not right. Look at the board and try again."
JOIN_ENDED = "This lesson has ended. Ask your teacher."
YOUR_CODE = "Your session code: {code}"
WHAT_HAPPENED = "What happened"
WATCHERS = "Who may be watching"
DOORS = "Doors"
STATUS = "Your score and doors"
DOOR_OPEN = "open"
DOOR_CLOSED = "closed"
CHOOSE = "What do you do?"
CHOICE_LOCKED = "Locked: {reason}"
KEYS_HINT = "Press a choice's number on the keyboard, or tap it."
ENDED_HEADING = "The end of this chapter"
STOPPED_TIME = "Time is up. Your record is saved. Now talk it through."
STOPPED_TEACHER = "Your teacher has ended the game. Your record is saved. Now talk it through."
STEP_NUMBER = "Step {n} of 6"
SAVED_HEADING = "Saved"
NEW_PAGE = "Your place is kept: this page picks up where you left off."
NOT_FOUND = "There is no such page."
GONE = "Your session could not be found. Ask your teacher, or join again."
BAD_FORM = "That form was out of date or incomplete. Go back and try again."
TOO_BIG = "That was too much text to send. Keep answers under {n} characters."
NO_CHOICE = "That choice is not open to you. Pick another."
SKIP = "Skip to the choices"
QUESTIONS_HOW = ("Not a test: nothing is graded. Pick the answer you think is right, or skip "
                 "the question.")
QUESTION_KEYS = "Press an answer's number on the keyboard, or tap it."

# ---- the teacher's pages
TEACHER_TITLE = "Teacher"
PROJECTOR_TITLE = "Join Sincerity"
PROJECTOR_STEPS = "Open this address on a phone, tablet or computer, or scan the code:"
PROJECTOR_JOIN = "Join code"
STUDENTS = "Students"
NOBODY_YET = "Nobody has joined yet."
JOINED = "{n} joined · {playing} playing · {debrief} in the debrief · {done} finished"
COLUMNS = ("Session", "Persona", "Now", "Choices", "Status")
NOW_PLAYING = "playing {title}"
NOW_BETWEEN = "ending of {title}"
NOW_DEBRIEF = "debrief, {where}"
NOW_DONE = "finished"
NOW_QUESTIONS = "answering the questions before play"
NOW_QUESTIONS_AGAIN = "answering the questions again"
END_LESSON = "End the lesson"
END_CONFIRM = ("Ending the lesson saves every student who is still playing (status "
               "\u201cstopped\u201d) and sends them to the debrief. No one can join after.")
ENDED = "The lesson has ended. Students can still finish their debrief."
DOWNLOAD_EXPORTS = "Download all session files (.zip)"
DOWNLOAD_REPORT = "Download the class report (.html)"
JOIN_WHERE = "Students open {url} and type the join code {code}."
SHOW_PROJECTOR = "Projector: the join page"
SHOW_DISCUSSION = "Projector: the discussion"
FIGURES = "Class figures, from the sessions finished so far"
NO_FIGURES = "No session has finished yet."
REFRESH = "Refresh"
DATA_WHERE = "Data: {db} · session files: {exports}"

# ---- the projector's discussion: one figure at a time, beside its step
DISCUSS_OF = "figure {n} of {total}"
MORE_IN_REPORT = "\u2026 and {n} more in the class report and on the teacher's page."
DISCUSS_PREV = "Previous"
DISCUSS_NEXT = "Next"
ASK = "Ask the class"
LISTEN = "Listen for"
#: per step of the debrief: what the teacher asks, and what to listen for (docs/TEACHERS.md §6)
DISCUSSION = {
    "feel": ("One word for how being scored felt. When were you most nervous? Was anyone "
             "really watching then?",
             "Words like watched, careful, annoyed, nothing. Nervousness with no watcher "
             "shown: the panopticon works without a guard."),
    "happened": ("Which doors closed on you, and when did you notice? Was anything counted "
                 "when no watcher was shown?",
                 "Surprise at being counted unseen, and at costs with no reason. Migrant "
                 "players starting with doors already shut."),
    "learned": ("Did you behave differently when scored? What did you give up to keep your "
                "number?",
                "\u201cI stopped posting / signing / crossing.\u201d Students who changed "
                "nothing: why not? Players who became more candid."),
    "relates": ("Where are you rated or scored? What is true about China's systems, and what "
                "is myth?",
                "Credit scores, delivery ratings, school reports, insurance apps. \u201cNo "
                "single national score.\u201d"),
    "what_if": ("What if the rules were published, but not when cameras were on? What if you "
                "could leave the app and the records?",
                "Transparency helps but does not end the chilling effect; leaving an app does "
                "not delete what others record."),
    "next": ("Pick one rating you live with: what does it record, can you see it, can you "
             "appeal it?",
             "Concrete actions: checking app permissions, a data access request, asking how a "
             "rating is used."),
}
FIG_ENDINGS = "Endings reached"
FIG_SCORES = "Final scores by persona (median, lowest to highest)"
FIG_DOORS = "Doors lost during play"
FIG_CHILLING = "The chilling effect in this class"
FIG_NOT_STUDY = ("Six dilemmas, {students}, a game: not a study. A mirror for "
                 "discussion.")
FIG_CORRECTIONS = "What is real"
FIG_CONTRAST = "The same choices under the other rules"
FIG_ANSWERS = "What students wrote (only those who ticked the box)"
FIG_NONE = "Nothing to show yet."
QUESTION_ROW = ("{ask} (answer followed: {marked}): {before} before, {after} after, "
                "{students}; change {change}")
CONTRAST_ROW = ("{own} against {other}: {players}; median score {own_median} as played, "
                "{other_median} under the other rules; {parted} stories parted before the end")
PERSONA_ROW = "{persona}: {players}, median {median:.0f} ({low}\u2013{high})"
DOOR_ROW = "{name}: lost by {lost} of {n}"
ENDING_ROW = "{title}: {count}"
CHILLING_ROW = ("{scored} candid answers under the score against {unscored} unscored, over "
                "{pairs} pairs from {students}. {fewer} became more guarded, {same} "
                "did not change, {more} became more candid.")

# ---- the command
STUDENTS_LINE = "Students: {url}"
TEACHER_LINE = "Teacher: {url}"
JOIN_LINE = "Join code: {code}"
DATA_LINE = "Lesson data: {folder} (session files: {exports})"
NO_LAN_LINE = ("No network address of this computer was found, so only this computer can open "
               "these pages. Start again with --host and this computer's address on the "
               "school network (`ipconfig` on Windows, `ipconfig getifaddr en0` on macOS, "
               "`hostname -I` on Linux show it).")
STOP_LINE = "Press Ctrl+C here to stop the server; start it again on the same data to carry on."
PORT_BUSY = ("the port {port} cannot be used on {host} ({why}); leave out --port to take a "
             "free one")
HOST_BAD = "cannot listen on {host} ({why}); give an address of this computer with --host"
NOTE_RECORD = ("The game keeps a record of your choices for the class discussion, on your "
               "teacher's computer. It has no name in it: only a session code you will see "
               "next. Nothing is sent anywhere else.")
VERDICT_LABEL = "Your game in three lines"
NOT_COUNTING = "none today: nobody is counting"
