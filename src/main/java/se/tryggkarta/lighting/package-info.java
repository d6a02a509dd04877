/**
 * Lighting priorities (issue 7): coverage of the street network by working lamps, the dark
 * stretches, a ranked and explained list of lamps to repair and stretches to light, and what a
 * planned change would do. Entry: {@link se.tryggkarta.lighting.LightingService}, which reads the
 * streets, lamps, incidents and unsafe-places layers through the LayerStore port and computes in
 * the workspace's projected CRS. Invariant: it owns the service's one lit model (exact lit
 * intervals per street segment, lamps beating {@code lit} tags, {@link
 * se.tryggkarta.lighting.LightingService#litStreets}); routes and walks read it through {@code
 * route.NetworkLighting}. Plain Java: no HTTP, no SQL.
 */
package se.tryggkarta.lighting;
