"""The extractor behind ``python -m etl propose``: one candidate fact per number token of a page.

Modules import one way, from the bottom up: :mod:`layout` and :mod:`quantities` (with :mod:`periods` and
:mod:`spans`), then :mod:`tables`, :mod:`holdback`, :mod:`regions`, :mod:`indicators`, :mod:`knowledge`, :mod:`page` and, at the top,
:mod:`candidate` (``propose(page, k)``).
"""
