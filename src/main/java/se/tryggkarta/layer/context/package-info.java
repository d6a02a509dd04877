/**
 * The public map context: named streets and places of a workspace, cut to a view and simplified for
 * a zoom level, so that every map (the public one too) shows where things are. Entry class: {@link
 * se.tryggkarta.layer.context.MapContext}. Invariants: only the street and place layers are ever
 * read (never incidents, unsafe places or lamps: no personal data); geometries stay WGS84.
 */
package se.tryggkarta.layer.context;
