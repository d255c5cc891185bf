"""Places: a gazetteer stack (our site registry, countries, subdivisions, cities, airports)
and the resolution of one document's toponyms to coordinates with an honest precision.

    from claimgraph.geo import gazetteer, find_toponyms
    places = gazetteer().resolve(["Tripoli", "Lebanon"])
"""

from claimgraph.geo.gazetteer import Gazetteer, gazetteer, haversine_km
from claimgraph.geo.place import PRECISIONS, Place

__all__ = ["PRECISIONS", "Gazetteer", "Place", "find_toponyms", "gazetteer", "haversine_km"]


def find_toponyms(doc, gaz=None):  # noqa: ANN001, ANN201 - imported lazily: spaCy is heavy
    """(start_char, end_char, name) of every toponym in a spaCy Doc; see geo/toponyms.py."""
    from claimgraph.geo.toponyms import find_toponyms as _find

    return _find(doc, gaz)
