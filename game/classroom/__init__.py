"""The classroom: the classroom file and kiosk mode's rules, session files (the export),
the debrief's steps and the printable debrief, the class report and the teacher's tools.

No pygame here: the kiosk's screens are in game/ui, the browser's pages in game/web. Import
the modules themselves (`from game.classroom import export`); this file imports nothing, so
a front end that needs one module does not load the rest.
"""
