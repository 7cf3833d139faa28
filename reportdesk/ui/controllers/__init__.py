"""The main window's controllers: file flows, preferences, the live re-compare.

Each gets the ``AppContext`` and a narrow host interface; none imports the window.
"""
