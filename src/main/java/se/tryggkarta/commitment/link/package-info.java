/**
 * Links between commitments and the analysis: coverage of the top hotspot sites by promised places,
 * drift of promised places away from the hotspots, and the before/during change of incidents in
 * each place beside a comparison ring (difference in differences). Port: {@link
 * se.tryggkarta.commitment.link.HotspotSites}; its default implementation {@link
 * se.tryggkarta.commitment.link.IncidentGridSites} ranks grid cells by incident count. All areas
 * are compared in the workspace's projected CRS (metres).
 */
package se.tryggkarta.commitment.link;
