"""The terminal front end (`play --text`): plain lines only, for screen readers and scripts."""
from .session import play_text

__all__ = ["play_text"]
