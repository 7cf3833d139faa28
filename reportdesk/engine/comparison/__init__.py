"""The pipeline (pairs → changes → stats → anchors) and navigation over its changes.

Named ``comparison`` rather than ``compare`` so the package never shadows the
``compare()`` function the engine exports.
"""
