package se.tryggkarta.analysis;

/**
 * The key of one cached analysis whose result has type {@code T}: a record naming the kind of
 * analysis, the workspace, the data version it reads and every option (equals and hashCode must
 * cover them all). The data version in the key is what makes a write anywhere invalidate it.
 */
public interface AnalysisKey<T> {
  String workspaceId();

  long dataVersion();

  /** An estimate of the result's size in bytes, for the cache's bound. */
  int weightBytes(T result);
}
