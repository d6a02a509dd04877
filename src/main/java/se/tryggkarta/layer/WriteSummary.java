package se.tryggkarta.layer;

/**
 * What a committed import changed.
 *
 * @param inserted records whose external id was new
 * @param updated records that replaced one with the same external id
 */
public record WriteSummary(long inserted, long updated) {
  public long written() {
    return inserted + updated;
  }
}
