"""The app layer's tests use Qt objects: apply the start-up guard the app applies."""

from __future__ import annotations

from reportdesk.gui import guard_none_refcount

guard_none_refcount()
