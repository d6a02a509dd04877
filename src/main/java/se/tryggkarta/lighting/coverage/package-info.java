/**
 * Lighting coverage of a street network: which share of each segment lies within the lit radius of
 * a working lamp, and which stretches are dark because lamps are missing or broken. Entry: {@link
 * se.tryggkarta.lighting.coverage.LampCoverage}. Invariants: all geometry is in one projected,
 * metric CRS; for every segment lit + dark-by-broken + dark-by-missing length equals its length.
 */
package se.tryggkarta.lighting.coverage;
