package se.tryggkarta.ingest;

import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.Crs;

/**
 * A stream of records read from one file, one at a time. A problem that makes the rest of the file
 * unreadable (broken JSON, not a GeoPackage) is thrown as an INVALID_INPUT DomainException whose
 * error names the record; problems with one record's values are left to validation. Not
 * thread-safe.
 */
public interface RecordSource extends AutoCloseable {
  /** The next record, or empty at the end of the file. */
  Optional<SourceRecord> next();

  /**
   * The column names of a format whose header names them before any record (CSV), so that a file
   * without the columns a layer needs is refused even when it has no rows; empty for other formats.
   */
  default Optional<List<String>> columns() {
    return Optional.empty();
  }

  /** The CRS the file declares for its coordinates, if it declares one. */
  default Optional<Crs> declaredCrs() {
    return Optional.empty();
  }

  @Override
  void close();
}
