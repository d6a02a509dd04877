/**
 * Hotspot analyses of a workspace's point layers: kernel density maps and contours, Getis–Ord Gi*
 * on hexagons, ranked patrol sites with their profiles, forecast evaluation, and hot streets
 * (network KDE, {@link se.tryggkarta.hotspot.HotStreets}, on the street network the {@code
 * network.StreetLineSource} port supplies). Entry: {@link se.tryggkarta.hotspot.HotspotService}.
 * For other features it offers {@code topPatrolSites(ws, layer, period, [categories,] n)} (the walk
 * planner and the commitment links, through {@code HotspotPorts} beside {@code Wiring}).
 * Invariants: analyses run in the workspace's metric CRS; {@link
 * se.tryggkarta.hotspot.Audience#PUBLIC} outputs never rest on fewer than k events nor use cells
 * finer than the workspace's minimum. The core subpackages know no I/O.
 */
package se.tryggkarta.hotspot;
