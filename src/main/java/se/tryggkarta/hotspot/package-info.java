/**
 * Hotspot analyses of a workspace's point layers: kernel density maps and contours, Getis–Ord Gi*
 * on hexagons (analytic or permutation inference, emerging space-time classes), ranked patrol sites
 * with their profiles, forecast evaluation, and hot streets (network KDE, {@link
 * se.tryggkarta.hotspot.HotStreets}, on the street network the {@code network.StreetLineSource}
 * port supplies). Entry: {@link se.tryggkarta.hotspot.HotspotService}. Other features (the walk
 * planner's stops, the commitment links) take its patrol sites through {@code HotspotPorts} beside
 * {@code Wiring}, which asks {@link se.tryggkarta.hotspot.HotspotAnalyses#sites} as {@code GET
 * …/hotspots/sites} does, so a walk's "Hotspot 3" is the API's rank 3. Invariants: analyses run in
 * the workspace's metric CRS; {@link se.tryggkarta.hotspot.Audience#PUBLIC} outputs never rest on
 * fewer than k events nor use cells finer than the workspace's minimum. The core subpackages know
 * no I/O.
 */
package se.tryggkarta.hotspot;
