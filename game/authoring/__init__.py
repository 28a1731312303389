"""Tools for level authors: `analyze` (can every level be finished, and how), `graph` (a
picture of a level), `compat` (which saves of an old version resume in a new one), and the
golden transcripts. See docs/ARCHITECTURE.md; the analyzer's codes are in
`game/content/analyzer_codes.py`."""
