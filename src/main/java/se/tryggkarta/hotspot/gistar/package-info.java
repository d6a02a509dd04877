/**
 * Local Getis–Ord Gi* hot-spot statistics on a hexagon grid: {@link
 * se.tryggkarta.hotspot.gistar.HexGrid} counts events per hexagon, {@link
 * se.tryggkarta.hotspot.gistar.GiStar} computes z-scores and p-values over a fixed distance band,
 * {@link se.tryggkarta.hotspot.gistar.ConditionalPermutation} gives seeded pseudo p-values instead,
 * {@link se.tryggkarta.hotspot.gistar.IncrementalAutocorrelation} chooses the band at the first
 * peak of global Moran's I ({@link se.tryggkarta.hotspot.gistar.GlobalMoran}), {@link
 * se.tryggkarta.hotspot.gistar.FalseDiscoveryRate} applies Benjamini–Hochberg, and {@link
 * se.tryggkarta.hotspot.gistar.HotspotClass} names the result. All immutable and thread-safe.
 */
package se.tryggkarta.hotspot.gistar;
