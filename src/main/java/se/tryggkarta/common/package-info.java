/**
 * Value types and the error base shared by every feature: {@link se.tryggkarta.common.LonLat}
 * (WGS84) and {@link se.tryggkarta.common.XY} (projected metres) are deliberately different types,
 * {@link se.tryggkarta.common.Crs} converts between them, and {@link
 * se.tryggkarta.common.DomainException} carries an {@link se.tryggkarta.common.ErrorKind} plus the
 * offending field. Nothing here knows about HTTP, SQL or files.
 */
package se.tryggkarta.common;
