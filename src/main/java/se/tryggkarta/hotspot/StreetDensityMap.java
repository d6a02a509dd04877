package se.tryggkarta.hotspot;

import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.network.StreetDensity;

/**
 * Hot streets of one workspace: a network kernel density in the workspace's CRS (members only;
 * lixels show where single events lie).
 *
 * @param events how many events the filter selected (snapped ones and those beyond the limit)
 */
public record StreetDensityMap(Crs crs, StreetDensity density, int events) {}
