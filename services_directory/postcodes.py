"""Postcodes of the district of Mettmann with approximate centroids (offline, no geocoder).

Used by the HSDS API's ``postcode`` and ``proximity`` filters. The points are rounded
centres of each postcode area (good to about a kilometre), not official boundaries; a
postcode shared with a neighbouring town is listed under the district town.
"""

import math

# postcode: (town slug, latitude, longitude)
POSTCODES = {
    "40699": ("erkrath", 51.2180, 6.9250),
    "40721": ("hilden", 51.1700, 6.9300),
    "40723": ("hilden", 51.1600, 6.9500),
    "40724": ("hilden", 51.1750, 6.9550),
    "40764": ("langenfeld", 51.1080, 6.9480),
    "40789": ("monheim", 51.0920, 6.8870),
    "40822": ("mettmann", 51.2510, 6.9750),
    "40878": ("ratingen", 51.2970, 6.8490),
    "40880": ("ratingen", 51.3000, 6.8750),
    "40882": ("ratingen", 51.3060, 6.8300),
    "40883": ("ratingen", 51.3350, 6.8600),
    "40885": ("ratingen", 51.3300, 6.9000),
    "42489": ("wuelfrath", 51.2820, 7.0380),
    "42549": ("velbert", 51.3330, 7.0500),
    "42551": ("velbert", 51.3400, 7.0430),
    "42553": ("velbert", 51.3100, 7.0850),
    "42555": ("velbert", 51.3500, 7.1250),
    "42579": ("heiligenhaus", 51.3265, 6.9710),
    "42781": ("haan", 51.1930, 7.0130),
}


def centroid(postcode):
    """``(latitude, longitude)`` of a postcode of the district, or None."""
    entry = POSTCODES.get((postcode or "").strip())
    return (entry[1], entry[2]) if entry else None


def distance_km(a, b):
    """Great-circle distance between two ``(lat, lon)`` points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))
