/**
 * Shared numerical building blocks of the hotspot analyses: weighted points in the workspace's
 * metric CRS ({@link se.tryggkarta.hotspot.grid.PointSet}), regular square grids ({@link
 * se.tryggkarta.hotspot.grid.GridSpec}) and FFT convolution on them ({@link
 * se.tryggkarta.hotspot.grid.Convolution}, over the real-to-complex {@code RealFft2D}). Plain Java
 * over arrays; no I/O. Invariants: all coordinates are projected metres; grid row 0 is the
 * southernmost row.
 */
package se.tryggkarta.hotspot.grid;
