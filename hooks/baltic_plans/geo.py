"""The map of the region: the land drawn by tools/map/make-coastline.mjs (Natural Earth via world-atlas), and the
places of the data projected onto it with the same projection (d3-geo's conic conformal, written out here)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

COASTLINE = "coastline.json"  # made by tools/map/make-coastline.mjs; see hooks/DEVELOPING.md, "The map"


@dataclass(frozen=True)
class Basemap:
    width: int
    height: int
    land: str  # SVG path data, already projected, clipped and simplified
    source: str
    parallels: tuple[float, float]
    central_meridian: float
    scale: float
    translate: tuple[float, float]

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Longitude and latitude in degrees → x, y in the map's viewBox, as d3.geoConicConformal() does."""
        raw = _conic_conformal(*map(math.radians, self.parallels))
        x, y = raw(math.radians(lon - self.central_meridian), math.radians(lat))
        x0, y0 = raw(0.0, 0.0)  # d3 centres [0°, 0°] at translate before the rotation moves the central meridian
        tx, ty = self.translate
        return tx + self.scale * (x - x0), ty - self.scale * (y - y0)

    def shows(self, x: float, y: float) -> bool:
        return 0 <= x <= self.width and 0 <= y <= self.height


@cache
def _conic_conformal(phi0: float, phi1: float):
    """d3-geo's conicConformalRaw(φ0, φ1): λ, φ in radians → unscaled x, y."""

    def tany(phi: float) -> float:
        return math.tan((math.pi / 2 + phi) / 2)

    n = math.log(math.cos(phi0) / math.cos(phi1)) / math.log(tany(phi1) / tany(phi0))
    f = math.cos(phi0) * tany(phi0) ** n / n

    def raw(lam: float, phi: float) -> tuple[float, float]:
        r = f / tany(phi) ** n
        return r * math.sin(n * lam), f - r * math.cos(n * lam)

    return raw


@cache
def basemap() -> Basemap:
    data = json.loads(resources.files(__package__).joinpath(COASTLINE).read_text("utf-8"))
    projection = data["projection"]
    if projection["name"] != "conic-conformal":
        raise ValueError(f"{COASTLINE}: projection '{projection['name']}' is not the conic conformal geo.py draws")
    return Basemap(
        width=data["width"],
        height=data["height"],
        land=data["land"],
        source=data["source"],
        parallels=tuple(projection["parallels"]),
        central_meridian=projection["central_meridian"],
        scale=projection["scale"],
        translate=tuple(projection["translate"]),
    )


def checkpoints() -> list[tuple[float, float, float, float]]:
    """(lon, lat, x, y) as the coastline script projected them: geo.py must put them at the same x, y."""
    data = json.loads(resources.files(__package__).joinpath(COASTLINE).read_text("utf-8"))
    return [tuple(point) for point in data["checkpoints"]]
