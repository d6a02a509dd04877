/**
 * OGC API – Features (Part 1 core, GeoJSON, OpenAPI 3.0; Part 2 CRS by reference; Part 3
 * queryables) and OGC API – Tiles for the density surfaces, under {@code /ogc/{ws}}: one OGC API
 * per workspace, so QGIS, GDAL/OGR and ArcGIS connect to it with the service's own keys and roles.
 * Entry class: {@link se.tryggkarta.http.ogc.OgcRoutes}. Invariants: a public caller sees only
 * release products (never a raw layer, never a caller-chosen window); a viewer never sees free
 * text; every answer is built from the same services as the {@code /api} routes.
 */
package se.tryggkarta.http.ogc;
