"""The resolved place: what every other stage receives from the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass

PRECISIONS = ("site", "city", "region", "country")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-2; None for areas across countries ("Middle East")
    precision: str  # site | city | region | country
    kind: str  # air_base, city, state, country, airport, ...
    population: int
    source: str  # places.yaml, geonames, pycountry, airportsdata, claimgraph
    id: str  # "places:ain-al-asad", "geonames:98182", "country:IQ", "region:IQ-AN"
    admin1: str = ""  # "US.GA": the first-level subdivision a city or site lies in, for context

    def to_geo(self) -> dict:
        """The record's `geo` object."""
        return {"lat": round(self.lat, 5), "lon": round(self.lon, 5), "country": self.country,
                "precision": self.precision}
