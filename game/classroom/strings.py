"""Every word of the classroom features (kiosk screens, printable debrief, class report), in
one place for translation, as `game.ui.strings` is for the rest of the window.
Placeholders use `str.format` names.
"""

# ---- Thiagi's six debrief steps (the order is the lesson's)
STEPS = (
    ("feel", "How do you feel?"),
    ("happened", "What happened?"),
    ("learned", "What did you learn?"),
    ("relates", "How does it relate to the real world?"),
    ("what_if", "What if…?"),
    ("next", "What next?"),
)
STEP_PROMPTS = {
    "feel": "One or two words for how the score made you feel.",
    "happened": "What did the system see, and what did it cost you?",
    "learned": "Did you behave differently when you were scored?",
    "relates": "Where are you rated or scored in your own life?",
    "what_if": "What if the rules were published, or the cameras were always on?",
    "next": "What would you change, about the system or about yourself?",
}

# ---- kiosk: attract, content note, code
KIOSK_TITLE = "Sincerity"
KIOSK_TAGLINE = "A few days under a score that never stops watching."
KIOSK_PRESS = "Press any key or touch the screen to begin"
KIOSK_LESSON = "Lesson: {name}"
NOTE_TITLE = "Before you start"
CONTENT_NOTE = (
    "This game is about being watched and scored. In it you may lose access to trains, "
    "loans and a good school for your child, be put on a public list, wait in a hospital "
    "queue, and decide whether to stay friends with someone whose score is low.\n\n"
    "Nothing you do here is graded, and there are no right answers. You can stop at any "
    "time: tell your teacher.\n\n"
    "The game keeps a record of your choices for the class discussion. It has no name in "
    "it: only the code on this screen. Nothing leaves this computer.")
NOTE_CODE = "Your session code"
NOTE_CODE_HINT = "Write it down if your teacher asks. It is not your name."
NOTE_START = "Start"
NOTE_NOT_NOW = "Not now"
NOTE_CHAPTERS = "You will play: {chapters}"
NEXT_CHAPTER = "Continue to the next chapter"
NEXT_CHAPTER_DETAIL = "Next: {title}"
#: a chapter played under a ruleset the classroom file gives it (`ruleset: both`)
CHAPTER_UNDER = '{title}, under "{rules}"'
TO_DEBRIEF = "Talk it through"

# ---- kiosk: idle, time, end
STILL_TITLE = "Still playing?"
STILL_TEXT = ("Press any key or touch the screen to carry on. Otherwise this session ends "
              "in {n} seconds and the computer is made ready for the next student.")
STILL_CONTINUE = "I'm still here"
WARNING_TITLE = "{n} minutes left"
WARNING_TITLE_ONE = "1 minute left"
WARNING_TEXT = ("{n} minutes left to play. When the time is up the debrief opens, even in "
                "the middle of a scene.")
WARNING_TEXT_ONE = ("1 minute left to play. When the time is up the debrief opens, even in "
                    "the middle of a scene.")
TIME_UP_TITLE = "Time is up"
TIME_UP_TEXT = "Your record is saved. Now talk it through."
OK = "OK"
DONE_TITLE = "Saved"
DONE_TEXT = ("Your record is saved as {code}. Your teacher will use it in the discussion. "
             "Thank you for playing.")
DONE_ANSWERS_IN = "Your typed answers are in it, because you ticked the box."
DONE_ANSWERS_OUT = "Your typed answers are not in it: they were never saved."
DELETED_TITLE = "Deleted"
DONE_DELETED = ("Your record has been deleted from this computer: nothing of this session is "
                "kept. Thank you for playing.")
DONE_NOTHING = "No choice was made, so there is nothing to save. Thank you for coming."
DONE_FAILED = "Your record could not be saved: {error}. Please tell your teacher."
DONE_NEXT = "Finish: ready for the next student"
DONE_PRIVACY = "What we recorded about you"
DONE_WINDOW = "Your session record is saved here:\n{path}\n\nIt stays on this computer."
LEAVE_TITLE = "End your session?"
LEAVE_TEXT = ("What you played so far is saved for your teacher, and the computer is made "
              "ready for the next student.")
LEAVE_YES = "End it"
LEAVE_NO = "Keep playing"
EXIT_HINT = "Teacher: {keys} leaves kiosk mode."

# ---- six-step debrief screen
DEBRIEF_TITLE = "Debrief"
STEP_OF = "Step {n} of 6"
STEPS_OF = "Steps {n}–{m} of 6"
STEP_HEADING = "{n}. {question}"
BACK = "Back"
NEXT = "Next"
FINISH = "Finish and save"
YOUR_ANSWER = "Your answer (optional)"
TYPE_HERE = "Your answer (optional): type here…"
INCLUDE_ANSWERS = "Include my answers for my teacher"
INCLUDE_NOTE = "If you leave this unticked, what you typed is thrown away."
DEBRIEF_KEYS = "Type your answer · Tab reaches the buttons · Esc stops typing"
DROP_TITLE = "Throw away your answers?"
DROP_TEXT = ("You typed answers, but \u201cInclude my answers\u201d is not ticked. If you "
             "finish now, what you typed is thrown away.")
DROP_YES = "Finish without them"
DROP_NO = "Go back"
FULL_REPORT = "See everything the system saw"
# the debrief's folded parts: one line each, a click or Enter opens it (the kiosk, the browser)
FOLD_HAPPENED = "What happened, in {n} lines"
FOLD_PAIRS = "Your {n} answers, unscored and under the score"
FOLD_STUDIES = "Each study in full, with its limits"
STUDY_IN_FULL = "{short}: {text}"
FOLD_REAL = "What is real: {n} corrections, and the sources"
FOLD_SOURCES = "The sources of the published figures"
FOLD_RULES = "The same choices, played again under the other rules"
ENDING_LINE = "Your ending: {title}."
FOLD_OPEN = "+  {text}"
FOLD_CLOSE = "−  {text}"
HAPPENED_PATH = "Your score went from {start} to {end} in {chapter}."
HAPPENED_UNSCORED = "Nothing was scored in {chapter}."
CAUSES = {"behaviour": "from what you did", "delayed": "from choices counted later",
          "rating": "from ratings", "network": "from your contacts' scores",
          "appeal": "won back on appeal"}
HAPPENED_BY_CAUSE = "Your score moved {parts}."
HAPPENED_LOST = "Doors that closed: {doors}."
HAPPENED_NONE_LOST = "No door closed on you during play."
HAPPENED_START_CLOSED = "Closed from the start: {doors}."
HAPPENED_REGAINED = "Doors that opened again: {doors}."
HAPPENED_SEEN = "{seen} of {n} choices were seen by a sensor; you were told why for {told}."
HAPPENED_LISTED = "You were put on the {name}."
HAPPENED_ENDING = "Ending: {title}."
YOUR_SHIFT_CAPTION = "Change in your candid answers under the score."
LEARNED_NONE = ("You did not answer both halves of a pair this time (once unscored, once "
                "scored), so there is no shift to show.")
LEARNED_SHIFT = ("Unscored, you gave the candid answer {u} times out of {n}; under the "
                 "score, {s} times. That is {shift}.")
LEARNED_SAME = "the same"
LEARNED_FEWER = "{n}% fewer"
LEARNED_MORE = "{n}% more"
LEARNED_MORE_FROM_NONE = "more often under the score (from none, so no percentage)"
RELATES_FACTS = "What is real"
WHAT_IF_OTHER = "Play again as {persona} or under {ruleset}: would the doors be the same?"

# ---- privacy screen
PRIVACY_TITLE = "Everything we recorded about you"
PRIVACY_BUTTON = "What we record"
PRIVACY_NOTE = ("Sincerity has no network code: nothing it records ever leaves this "
                "computer. This is everything it keeps, and where.")
PRIVACY_SETTINGS = "Settings (text size, contrast, sound)"
PRIVACY_SAVES = "Saved games"
PRIVACY_EXPORTS = "Session records written in this session"
PRIVACY_LOGS = "Crash logs (only if the game ever stopped unexpectedly)"
PRIVACY_NOT_KEPT = "Nothing is kept here."
PRIVACY_KIOSK_SETTINGS = "Not saved in classroom mode: reset for every student."
PRIVACY_DELETE = "Delete all of it"
PRIVACY_CONFIRM_TITLE = "Delete everything listed?"
PRIVACY_CONFIRM_TEXT = "This cannot be undone. {n} files will be deleted."
PRIVACY_CONFIRM_YES = "Yes, delete"
PRIVACY_CONFIRM_NO = "Keep it"
PRIVACY_DELETED = "Deleted {n} files."
PRIVACY_NOTHING = "There is nothing to delete."
PRIVACY_FAILED = "Some files could not be deleted: {error}"
PRIVACY_FILES = "{n} files, {size}"
PRIVACY_FILE = "1 file, {size}"

# ---- printable debrief
PRINT_TITLE = "Sincerity · your debrief"
PRINT_CODE = "Session"
PRINT_WHO = "{persona} · {ruleset} ({legibility})"
PRINT_SCORE = "Your score"
PRINT_DOORS = "Doors"
PRINT_SEEN = "What the system saw"
PRINT_CHILLING = "The chilling effect: you and the published figures"
PRINT_REPORT = "Transparency Report (scored choices)"
REPORT_CONTRAST = "The same choices under the other rules"
REPORT_CONTRAST_NOTE = ("Each student's own choices in the scored chapter, played again by the "
                        "game under the chapter's other ruleset: same persona, same luck. "
                        "Median scores count the games that went the same way to an end; "
                        "'stories parted' counts the ones where a choice was not open under "
                        "the other rules.")
REPORT_CONTRAST_HEAD = ("Played under", "Compared with", "Players", "Median score, as played",
                        "Median score, other rules", "Listed, as played", "Listed, other rules",
                        "Stories parted")
PRINT_CONTRAST = ('Under "{name}", {n} of your choices counted differently; your score '
                  'at the end would have been {score}.')
PRINT_CONTRAST_PARTED = ('Under "{name}", {n} of your choices counted differently before '
                         'the story went another way at choice {step}.')
PRINT_QUESTIONS = "Talk it through (Thiagi's six steps)"
PRINT_FOOT = ("Made on this computer by Sincerity. Nothing in it left the computer. No name: "
              "only the session code.")
PRINT_NO_ANSWER = ""
LEGIBILITY_WORDS = {"exact": "exact score shown", "stars": "stars shown",
                    "direction_hidden": "direction hidden", "delayed": "delayed statements",
                    "hidden": "score hidden"}
STATUS_WORDS = {"finished": "finished", "time_up": "time ran out", "idle": "left idle",
                "left": "left early", "stopped": "stopped by the teacher"}

# ---- class report: how sure the figures are (game.classroom.report_range)
RANGE_TITLE = "How sure is this?"
RANGE_LINE = "{label}: {value} (95% range {low} to {high}, {students})."
RANGE_NONE = "{label}: no percentage ({students})."
RANGE_KINDS = {"expression": "Lawful expression (speaking, signing, posting)",
               "rules": "Following rules (red lights, bills, curfews)"}
RANGE_ALL = "All six dilemmas"
RANGE_HOW = ("The range comes from drawing the class again and again from its own students "
             "(a bootstrap, 2,000 draws): a class like this one could have given any figure "
             "in it. It is a game with six dilemmas, not a study.")
RANGE_FEW = ("Only {n} students answered the same dilemmas both ways. That is too few for "
             "the figure to say anything about the class: use it to start the talk, not as "
             "a finding.")
RANGE_FEW_ONE = ("Only 1 student answered the same dilemmas both ways. That is too few for "
                 "the figure to say anything about the class: use it to start the talk, not as "
                 "a finding.")
RANGE_ORDERS = "Day Zero first: {first}. Scored chapter first: {second}."
RANGE_ORDER_SAME = ("The two orders' figures are within chance of each other: this class "
                    "gives no evidence of an order effect.")
RANGE_ORDER_DIFFER = ("The two orders differ by more than chance explains (the gap's range, "
                      "{low} to {high} points, leaves out zero): playing one chapter may have "
                      "changed the other.")
RANGE_REPLAYS = ("Replays left out of every figure, so no student counts twice: {n} (a "
                 "student playing a second time).")

# ---- text mode in a classroom (game.classroom.textroom)
TEXT_START = "Type 1 to start, or 2 for not now."
TEXT_NOT_NOW = "Not now: nothing was recorded."
TEXT_LIMIT = "You have {n} minutes to play; then the debrief opens."
TEXT_WARNING = "{n} minutes left to play."
TEXT_WARNING_ONE = "1 minute left to play."
TEXT_TIME_UP = "Time is up. What you played is kept; now talk it through."
TEXT_ANSWERS = "Your answers (optional)"
TEXT_ANSWERS_HOW = "Type a short answer and press Enter, or press Enter to skip."
TEXT_INCLUDE = ("Include your answers for your teacher? Type 1 for yes, 2 for no (no: what "
                "you typed is thrown away).")
TEXT_SAVED = "Your record is saved as {code}."
QUESTIONS_BEFORE = "Before you play: {n} short questions"
QUESTIONS_AFTER = "The same {n} questions again, now that you have played"
QUESTIONS_HOW = ("Not a test: nothing is graded. Pick the answer you think is right, or "
                 "press Enter to skip.")
QUESTION_OPTION = "  {n}. {text}"
QUESTION_PROMPT = "Your answer (1-{last}, Enter to skip): "
QUESTION_OF = "Question {n} of {of}"
QUESTION_SKIP = "Skip this question"
DONE_AGAIN = "Play again (the same student)"
REPORT_QUESTIONS = "What students learned"
REPORT_QUESTIONS_NOTE = ("The same short questions before play and after the debrief. For a "
                         "fact question, the share who chose the documented answer; for an "
                         "opinion, the share who chose the answer named. Only students who "
                         "answered both times count. The range comes from drawing the class "
                         "again and again from its own students.")
REPORT_QUESTIONS_HEAD = ("Question", "Before → after", "Change (95% range)")
REPORT_QUESTIONS_FOLLOWED = "Answer followed: {answer}"
QUESTIONS_FEW = ("Only {n} students answered a question both times. That is too few for the "
                 "change to say anything about the class.")
QUESTIONS_FEW_ONE = ("Only 1 student answered a question both times. That is too few for the "
                     "change to say anything about the class.")
QUESTION_HINT = "Number keys or click to answer · Esc skips the question"
PRIVACY_INSIDE = ("Inside: the session code, the date, the persona and rules you played, every "
                  "choice with the seconds it took, your score and doors, your answers to the "
                  "dilemmas (and to the short questions, if you were asked them), and your "
                  "typed answers only if you ticked the box. No name.")
RANGE_CARD = "95% range {low} to {high}, {students}"
RANGE_CARD_FEW = "Only {students}: too few to say"

# ---- the debrief's own figures (kiosk and browser alike: game/classroom/debrief_steps.py)
YOU = "You"
YOU_KIND = "You: {name}"
CANDID_NOT = "held back"


def count(n: int, one: str = "student", many: str = "students") -> str:
    """"1 student", "12 students": a number with its noun, said right for one."""
    return f"{n} {one if n == 1 else many}"
