"""Where councils sit on a drawn map of the UK: an equirectangular projection of the
register's latitude and longitude, scaled by the cosine of the UK's middle latitude, in a
fixed viewBox, so the same council is always at the same place and no tiles are needed."""

import math
from dataclasses import dataclass

WEST, EAST, SOUTH, NORTH = -8.4, 2.0, 49.8, 61.0
MIDDLE_LATITUDE = 54.5
SCALE = 60  # viewBox units per degree of latitude
X_SCALE = SCALE * math.cos(math.radians(MIDDLE_LATITUDE))
WIDTH = round((EAST - WEST) * X_SCALE, 1)
HEIGHT = round((NORTH - SOUTH) * SCALE, 1)
VIEW_BOX = f"0 0 {WIDTH} {HEIGHT}"

SMALLEST_RADIUS = 4.5  # a council with one page
LARGEST_RADIUS = 24  # the council with the most, when that is far more than the rest


def project(latitude, longitude):
    """(x, y) in the viewBox, clamped to its edges."""
    x = (min(max(longitude, WEST), EAST) - WEST) * X_SCALE
    y = (NORTH - min(max(latitude, SOUTH), NORTH)) * SCALE
    return round(x, 1), round(y, 1)


def radius_scale(largest):
    """Area proportional to the count: r = k * sqrt(count), with k keeping the largest
    marker within LARGEST_RADIUS."""
    if largest <= 0:
        return SMALLEST_RADIUS
    return min(SMALLEST_RADIUS, LARGEST_RADIUS / math.sqrt(largest))


@dataclass
class Marker:
    council: object
    count: int
    x: float
    y: float
    r: float

    @property
    def label(self):
        return f"{self.council.short_name}: {self.count} published"


def markers(council_figures):
    """One marker per council with coordinates, biggest first so smaller ones are drawn on
    top and stay clickable."""
    located = [
        item
        for item in council_figures
        if item.council.latitude is not None and item.council.longitude is not None
    ]
    scale = radius_scale(max((item.total for item in located), default=0))
    shown = []
    for item in located:
        x, y = project(item.council.latitude, item.council.longitude)
        shown.append(
            Marker(item.council, item.total, x, y, round(scale * math.sqrt(item.total), 1))
        )
    shown.sort(key=lambda marker: (-marker.count, marker.council.short_name))
    return shown


def places(councils):
    """The other current councils as small dots, which together sketch the UK's shape."""
    return [project(council.latitude, council.longitude) for council in councils]
