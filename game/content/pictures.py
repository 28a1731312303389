"""Scene pictures: which SVG file a scene's `art` names, and whether that file is safe to draw.

A scene's (or an ending's) `art` is either

- the name of a picture that comes with the game, `assets/art/<name>.svg` (`harbour_road`), or
- a path ending in `.svg`, relative to the level file's own folder (`art/my_kitchen.svg`):
  a level may bring its own pictures, but never from outside its folder.

SVG files come from other people, so they are read as text and checked before anything
draws them (`read_svg`): not too big, no DOCTYPE or entities, no scripts, no event
attributes, and no link to anything outside the file (`href` and `url()` may only point at
`#an-id` in the same file). Nothing in them runs, and nothing they name is fetched.
Every refusal is a `PictureProblem` that says what is wrong and how to fix it.

Used by the validator (E218, E224) and by the window (`game.ui.illustration`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..resources import assets_dir

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

#: The largest SVG file read (a hand-drawn scene is 3-20 KB).
MAX_SVG_BYTES = 200_000
SUFFIX = ".svg"
#: Names older levels used for the pictures once drawn in code, and the picture each shows now.
OLD_NAMES = {
    "bedroom": "night_game", "kitchen": "meter_call", "street": "plum_street",
    "crossing": "harbour_road", "station": "station_gates", "airport": "station_gates",
    "office": "hotel_desk", "school": "school_office", "bank": "reminder_letter",
    "appeal_office": "service_hall", "cafe": "noodle_bar", "phone": "sunday_contacts",
    "apartment": "guo_door", "hospital": "hospital_wait", "square": "big_screen",
    "park": "plum_street", "car": "hop_rain", "gym": "city_pool",
    "courtroom": "court_text", "border": "station_gates",
}
_FORBIDDEN_TAGS = {"script", "foreignObject", "iframe", "object", "embed", "audio", "video"}
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


class PictureProblem(ValueError):
    """A picture that cannot be used: `message` says what is wrong, `hint` how to fix it."""

    def __init__(self, message: str, hint: str):
        super().__init__(f"{message} ({hint})")
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Svg:
    """A checked SVG file: its text and the size of its drawing (from `viewBox`)."""
    path: Path
    text: str
    width: float
    height: float

    @property
    def blinks(self) -> bool:
        """Whether the drawing has a part that blinks (an element with id="blink")."""
        return 'id="blink"' in self.text

    def without_blink(self) -> str:
        """The text with its blinking part hidden: the other half of the blink."""
        return self.text.replace('id="blink"', 'id="blink" display="none"', 1)


def art_dir() -> Path:
    return assets_dir() / "art"


@lru_cache(maxsize=1)
def bundled_names() -> tuple[str, ...]:
    """The pictures that come with the game, by name, sorted."""
    return tuple(sorted(p.stem for p in art_dir().glob("*" + SUFFIX)))


def known_names() -> tuple[str, ...]:
    """Every name a level may write: the bundled pictures and the old names."""
    return tuple(sorted({*bundled_names(), *OLD_NAMES}))


def is_own(art: str) -> bool:
    """Whether `art` names a level's own file rather than a bundled picture."""
    return art.lower().endswith(SUFFIX)


def picture_path(art: str, level_dir: Path | str | None) -> Path:
    """The SVG file `art` names. A level's own file is looked for in `level_dir`."""
    if is_own(art):
        if level_dir is None:
            raise PictureProblem(f"`{art}` is a level's own picture, but this level has no "
                                 "folder", "save the level in a file next to the picture")
        return own_path(art, Path(level_dir))
    name = OLD_NAMES.get(art, art) if art not in bundled_names() else art
    if name not in bundled_names():
        raise PictureProblem(f"the game has no picture called `{art}`",
                             "use one of the pictures listed in docs/ART.md, or a file "
                             "of your own ending in .svg")
    return art_dir() / (name + SUFFIX)


def own_path(art: str, level_dir: Path) -> Path:
    """A level's own picture, inside the level's folder; refuses a path that leaves it."""
    fix = ("put the picture in the level's folder (or a folder inside it) and write the "
           "path from there, like `art: pictures/kitchen.svg`")
    pure = PurePosixPath(art.replace("\\", "/"))
    if pure.is_absolute() or ":" in art or art.startswith(("/", "\\", "~")):
        raise PictureProblem(f"`{art}` is not a path inside the level's folder", fix)
    if ".." in pure.parts:
        raise PictureProblem(f"`{art}` leaves the level's folder (`..`)", fix)
    folder = level_dir.resolve()
    path = folder.joinpath(*pure.parts)
    if not path.is_file():
        raise PictureProblem(f"there is no picture `{art}` in the level's folder {folder}",
                             "check the spelling, or copy the picture there")
    if not path.resolve().is_relative_to(folder):
        raise PictureProblem(f"`{art}` is a link to a file outside the level's folder", fix)
    return path


def read_svg(path: Path) -> Svg:
    """Read and check one SVG file; PictureProblem says why one is refused."""
    return _read_svg(Path(path), *_stamp(Path(path)))


def _stamp(path: Path) -> tuple:
    try:
        st = path.stat()
    except OSError as exc:
        raise PictureProblem(f"cannot read the picture {path} ({exc.strerror or exc})",
                             "check that the file is there and readable") from None
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=64)
def _read_svg(path: Path, mtime: int, size: int) -> Svg:
    if size > MAX_SVG_BYTES:
        raise PictureProblem(f"the picture {path.name} is too big ({size // 1000} KB; at most "
                             f"{MAX_SVG_BYTES // 1000} KB)",
                             "simplify it, or save it as plain SVG without embedded images")
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_SVG_BYTES + 1)
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise PictureProblem(f"cannot read the picture {path} ({exc.strerror or exc})",
                             "check that the file is there and readable") from None
    except UnicodeDecodeError:
        raise PictureProblem(f"the picture {path.name} is not UTF-8 text",
                             "save it from your editor as plain SVG (UTF-8)") from None
    return check_svg(text, path)


def check_svg(text: str, path: Path) -> Svg:
    """Check an SVG's text (see the module's docstring); the Svg, or PictureProblem."""
    import xml.etree.ElementTree as ET   # here: the game starts without reading any SVG
    name = path.name
    if len(text.encode("utf-8")) > MAX_SVG_BYTES:
        raise PictureProblem(f"the picture {name} is too big (at most "
                             f"{MAX_SVG_BYTES // 1000} KB)", "simplify it")
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise PictureProblem(f"the picture {name} has a DOCTYPE or ENTITY declaration "
                             f"(line {_line(text, '<!')})",
                             "delete it: a scene picture needs neither")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise PictureProblem(f"the picture {name} is not well-formed SVG ({exc})",
                             "open it in Inkscape and save it again as plain SVG") from None
    if _local(root.tag) != "svg":
        raise PictureProblem(f"{name} is not an SVG picture (it starts with "
                             f"<{_local(root.tag)}>)", "save the picture as SVG")
    for el in root.iter():
        _check_element(el, text, name)
    width, height = _size(root, name)
    return Svg(path, text, width, height)


def _check_element(el: Element, text: str, name: str) -> None:
    tag = _local(el.tag)
    if tag in _FORBIDDEN_TAGS:
        raise PictureProblem(f"the picture {name} has a <{tag}> element (line "
                             f"{_line(text, '<' + tag)}); pictures may not run code or "
                             "embed other files", f"delete the <{tag}> element")
    if tag == "style" and el.text:
        _check_urls(el.text, text, name)
    for key, value in el.attrib.items():
        attr = _local(key)
        if attr.lower().startswith("on"):
            raise PictureProblem(f"the picture {name} has an event attribute `{attr}` "
                                 f"(line {_line(text, attr + '=')})", f"delete `{attr}`")
        if attr == "href" and not value.strip().startswith("#"):
            raise PictureProblem(
                f"the picture {name} links to `{value[:60]}` (line {_line(text, value)}); "
                "pictures may not use other files or web addresses",
                "draw that part in the SVG itself, or link only to an id in the same file "
                "(href=\"#id\")")
        _check_urls(value, text, name)


def _check_urls(value: str, text: str, name: str) -> None:
    if "@import" in value:
        raise PictureProblem(f"the picture {name} imports a style sheet (line "
                             f"{_line(text, '@import')})", "delete the @import")
    for target in _URL.findall(value):
        if not target.startswith("#"):
            raise PictureProblem(
                f"the picture {name} uses `url({target[:60]})` (line {_line(text, target)}); "
                "pictures may not use other files or web addresses",
                "use only url(#id) of a gradient in the same file")


def _size(root: Element, name: str) -> tuple[float, float]:
    box = [float(n) for n in _NUMBER.findall(root.get("viewBox", ""))]
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        return box[2], box[3]
    sides = [_NUMBER.match(root.get(k, "")) for k in ("width", "height")]
    w, h = (float(m.group()) if m else 0.0 for m in sides)
    if w > 0 and h > 0:
        return w, h
    raise PictureProblem(f"the picture {name} has no size", "give its <svg> a viewBox, like "
                         "viewBox=\"0 0 400 300\"")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _line(text: str, what: str) -> int:
    at = text.find(what)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1
