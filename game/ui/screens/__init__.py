"""The window's screens: each a small class on the app's stack (see base.Screen)."""
