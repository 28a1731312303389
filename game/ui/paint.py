"""Drawing primitives and glyphs drawn in code: cards, focus rings, padlocks, hatching, stars.

Text goes through `text()`, which blits a cached line and, when an audit list is switched on
(the tests do), records where the text landed and the box it had to stay in.
"""
from __future__ import annotations

import math

import pygame

from .textcache import TextCache

#: When a list, every `text()` call appends (text, drawn rect, box rect, clip rect). For tests.
AUDIT: list | None = None

_hatch_cache: dict = {}


def rounded(surf, rect, color, radius: int = 10, width: int = 0) -> None:
    pygame.draw.rect(surf, color, rect, width, border_radius=radius)


def card(surf, rect, pal, radius: int = 10, fill=None) -> None:
    """A panel: filled, with a one-pixel border."""
    rounded(surf, rect, fill or pal.panel, radius)
    rounded(surf, rect, pal.line, radius, 1)


def focus_ring(surf, rect, pal, radius: int = 12) -> None:
    """A visible focus outline, 3 px, outside the widget."""
    ring = pygame.Rect(rect).inflate(8, 8)
    rounded(surf, ring, pal.accent, radius + 3, 3)


def text(surf, cache: TextCache, font, line: str, color, pos, anchor: str = "topleft",
         box=None) -> pygame.Rect:
    """Blit one cached line; `anchor` names the point of the text placed at `pos`."""
    img = cache.render(font, line, color)
    rect = img.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
    surf.blit(img, rect)
    if AUDIT is not None:
        AUDIT.append((line, rect.copy(), pygame.Rect(box) if box is not None else None,
                      surf.get_clip()))
    return rect


def lines(surf, cache: TextCache, font, layout, color, x: int, y: int, box=None,
          reveal: int | None = None, clip=None) -> int:
    """Blit a wrapped TextLayout; `reveal` shows only that many characters (typewriter).

    Lines outside `clip` (a rect) are skipped. Returns the y below the text.
    """
    lh = layout.line_height
    for i, line in enumerate(layout.lines):
        top = y + i * lh
        if clip is not None and (top + lh < clip.top or top > clip.bottom):
            continue
        shown = _revealed(layout, i, reveal)
        if shown == 0:
            break
        if shown >= len(line):
            text(surf, cache, font, line, color, (x, top), box=box)
        else:
            img = cache.render(font, line, color)
            width = font.size(line[:shown])[0]
            surf.blit(img, (x, top), pygame.Rect(0, 0, width, img.get_height()))
    return y + layout.height


def _revealed(layout, i: int, reveal: int | None) -> int:
    if reveal is None:
        return len(layout.lines[i]) or 1
    start = layout.starts[i]
    if reveal <= start and i > 0:
        return 0
    return max(0, reveal - start) if layout.lines[i] else (1 if reveal > start else 0)


def hatch(surf, rect, color, spacing: int = 9, width: int = 2) -> None:
    """Diagonal hatching over a rect (cached as a pattern per size and colour)."""
    rect = pygame.Rect(rect)
    key = (rect.size, tuple(color), spacing, width)
    pattern = _hatch_cache.get(key)
    if pattern is None:
        pattern = pygame.Surface(rect.size)
        pattern.fill((255, 0, 255))
        pattern.set_colorkey((255, 0, 255))
        for x in range(-rect.h, rect.w, spacing):
            pygame.draw.line(pattern, color, (x, rect.h), (x + rect.h, 0), width)
        if len(_hatch_cache) > 200:
            _hatch_cache.clear()
        _hatch_cache[key] = pattern
    surf.blit(pattern, rect)


def padlock(surf, rect, color, bg, closed: bool = True) -> None:
    """A padlock glyph fitted in `rect`: body and shackle; open shackle lifted to the side."""
    rect = pygame.Rect(rect)
    s = min(rect.w, rect.h)
    cx, top = rect.centerx, rect.centery - s // 2
    body = pygame.Rect(0, 0, round(s * 0.72), round(s * 0.5))
    body.midbottom = (cx, top + s)
    sw = round(s * 0.46)
    stroke = max(2, round(s * 0.11))
    shackle = pygame.Rect(0, 0, sw, round(s * 0.62))
    shackle.midbottom = (cx, body.top + round(s * 0.24))
    if not closed:
        shackle.move_ip(round(s * 0.22), -round(s * 0.14))
    pygame.draw.rect(surf, color, shackle, stroke, border_radius=sw // 2)
    if not closed:  # the open shackle's right leg does not reach the body
        gap = pygame.Rect(shackle.right - stroke - 1, shackle.centery, stroke + 2,
                          body.top - shackle.centery)
        pygame.draw.rect(surf, bg, gap)
    pygame.draw.rect(surf, color, body, border_radius=max(2, s // 10))
    hole = pygame.Rect(0, 0, max(2, s // 9), max(3, s // 6))
    hole.center = (cx, body.centery)
    pygame.draw.rect(surf, bg, hole, border_radius=1)


def star(surf, center, radius: float, color, fill: float, bg) -> None:
    """A five-pointed star; `fill` 1 full, 0.5 half (left), 0 outline only."""
    pts = _star_points(center, radius)
    if fill >= 1:
        pygame.draw.polygon(surf, color, pts)
    elif fill > 0:
        pygame.draw.polygon(surf, color, pts)
        cx, cy = center
        half = pygame.Rect(round(cx), round(cy - radius - 1), round(radius + 2),
                           round(2 * radius + 2))
        clip = surf.get_clip()
        surf.set_clip(half.clip(clip) if clip else half)
        pygame.draw.polygon(surf, bg, pts)
        surf.set_clip(clip)
    pygame.draw.polygon(surf, color, pts, max(1, round(radius / 8)))


def _star_points(center, r: float) -> list[tuple[float, float]]:
    cx, cy = center
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def stars(surf, rect, value: float, color, bg) -> None:
    """Five stars across `rect` showing `value` (1 to 5, in halves)."""
    rect = pygame.Rect(rect)
    r = min(rect.h / 2, rect.w / 10.5)
    for i in range(5):
        fill = max(0.0, min(1.0, value - i))
        fill = 1.0 if fill >= 0.75 else 0.5 if fill >= 0.25 else 0.0
        center = (rect.x + r + i * (rect.w - 2 * r) / 4, rect.centery)
        star(surf, center, r, color, fill, bg)


def badge(surf, cache, font, label: str, rect, fill, ink) -> None:
    """A round number badge (the choice numbers)."""
    rect = pygame.Rect(rect)
    pygame.draw.ellipse(surf, fill, rect)
    text(surf, cache, font, label, ink, rect.center, "center")


_masks: dict = {}


def round_corners(surf, radius: int, color) -> None:
    """Paint the outside of a rounded rectangle over `surf`'s corners in `color`."""
    key = (surf.get_size(), radius, tuple(color))
    mask = _masks.get(key)
    if mask is None:
        mask = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        mask.fill((*color[:3], 255))
        pygame.draw.rect(mask, (0, 0, 0, 0), mask.get_rect(), border_radius=radius)
        if len(_masks) > 20:
            _masks.clear()
        _masks[key] = mask
    surf.blit(mask, (0, 0))
