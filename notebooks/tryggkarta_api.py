"""A few lines of HTTP plumbing shared by the notebooks; everything else talks to Tryggkarta's API.

TRYGGKARTA_URL  the service (default http://localhost:7070, what `./tryggkarta serve --demo` serves)
TRYGGKARTA_KEY  an API key (Bearer token); empty means anonymous, which sees public aggregates only
"""

import io
import json
import os

import geopandas as gpd
import requests

URL = os.environ.get("TRYGGKARTA_URL", "http://localhost:7070").rstrip("/")
KEY = os.environ.get("TRYGGKARTA_KEY", "")

session = requests.Session()
if KEY:
    session.headers["Authorization"] = f"Bearer {KEY}"


class ProblemError(RuntimeError):
    """An application/problem+json answer (RFC 9457), with its status, type and field errors."""

    def __init__(self, response):
        try:
            self.problem = response.json()
        except ValueError:
            self.problem = {"detail": response.text[:500]}
        self.status = response.status_code
        super().__init__(f"{response.request.method} {response.url} -> {self.status}: {self.problem}")


def call(method, path, expect=(200, 201, 204), **kwargs):
    """Sends a request to URL + path and returns the response; raises ProblemError otherwise."""
    response = session.request(method, URL + path, timeout=300, **kwargs)
    if response.status_code not in expect:
        raise ProblemError(response)
    return response


def get_json(path, **params):
    return call("GET", path, params=params).json()


def geo(path_or_collection, crs="EPSG:4326", **params):
    """A GeoDataFrame from a GeoJSON FeatureCollection (WGS84 per RFC 7946), fetched when given a path."""
    fc = get_json(path_or_collection, **params) if isinstance(path_or_collection, str) else path_or_collection
    frame = gpd.GeoDataFrame.from_features(fc["features"], crs=crs)
    ids = [f.get("id") for f in fc["features"]]
    if "id" not in frame.columns and any(i is not None for i in ids):
        frame["id"] = ids
    return frame


def ensure_workspace(body):
    """Creates the workspace unless it exists already (so a notebook can be run twice)."""
    response = call("POST", "/api/workspaces", json=body, expect=(201, 200, 409))
    return get_json(f"/api/workspaces/{body['id']}") if response.status_code == 409 else response.json()


def upload(path, file_path, content_type, **params):
    with open(file_path, "rb") as f:
        return call("POST", path, params=params, data=f, headers={"Content-Type": content_type}).json()


def pretty(obj):
    print(json.dumps(obj, indent=2, ensure_ascii=False)[:3000])
