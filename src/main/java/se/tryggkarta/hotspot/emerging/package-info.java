/**
 * Emerging hot spot analysis: which hexagons are new, consecutive, intensifying, persistent,
 * diminishing, sporadic, oscillating or historical hot (or cold) spots over time. {@link
 * se.tryggkarta.hotspot.emerging.SpaceTimeCube} bins events by hexagon and time step, {@link
 * se.tryggkarta.hotspot.emerging.EmergingHotspots} (the entry) computes Gi* per step with a time
 * lag, {@link se.tryggkarta.hotspot.emerging.MannKendall} the trend of each z series and {@link
 * se.tryggkarta.hotspot.emerging.EmergingClass} the class, following sfdep's and ArcGIS's rules.
 * Plain Java on the workspace's metric CRS; every type immutable and thread-safe.
 */
package se.tryggkarta.hotspot.emerging;
