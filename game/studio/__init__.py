"""`python -m game studio [LEVEL.yaml]`: a level's text, its problems, a live preview and its
story map in one browser page, served on 127.0.0.1 only (issue 18 part 1).

`command.py` starts it, `server.py` is the page and its few endpoints, `marks.py` turns the
loader's and the analyzer's diagnostics into editor marks (with quick fixes), `preview.py`
replays the author's choices on the last good version of the level and draws the scene with
the classroom server's views (game/web/views.py).
"""
