package se.tryggkarta.ingest;

import java.util.List;
import java.util.Objects;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.layer.Layer;

/**
 * What one import did.
 *
 * @param read records read from the file
 * @param inserted records stored under a new external id
 * @param updated records that replaced a stored one with the same external id
 * @param rejected invalid records (skipped with {@code onInvalid=skip}; with the default, any
 *     rejected record means nothing was stored and the import failed instead)
 * @param errors the first {@value #MAX_LISTED} problems, each with its record number (feature
 *     index, or CSV line counting the header), field and reason
 * @param warnings non-fatal observations about the file (at most {@value #MAX_LISTED})
 */
public record ImportReport(
    String workspaceId,
    Layer layer,
    ImportFormat format,
    long read,
    long inserted,
    long updated,
    long rejected,
    List<FieldError> errors,
    List<String> warnings) {
  /** How many errors and warnings a report lists. */
  public static final int MAX_LISTED = 100;

  public ImportReport {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(format, "format");
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /** Records written: inserted plus updated. */
  public long stored() {
    return inserted + updated;
  }
}
