/**
 * Where heavy analyses run: {@link se.tryggkarta.analysis.AnalysisPool}, a bounded pool of worker
 * threads behind a byte-bounded, single-flight result cache keyed by the workspace's data version.
 * The service runs two: one for members' free analyses and one for computing public releases, so
 * that anonymous traffic can never take members' workers. Knows nothing of HTTP, SQL or any
 * feature.
 */
package se.tryggkarta.analysis;
