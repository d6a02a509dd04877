package se.tryggkarta.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.ingest.RecordSource;
import se.tryggkarta.ingest.SourceRecord;
import se.tryggkarta.layer.Layer;

/**
 * Uploaded GeoPackages are read through a private, read-only, bounded copy: only real feature
 * tables, never a view or generated column that would run the uploader's SQL, and the copy is gone
 * afterwards whatever happened.
 */
class UploadedGeoPackageTest {
  @TempDir Path dir;
  final SqliteGeoPackageFiles files = new SqliteGeoPackageFiles();

  private static Set<Path> uploadCopies() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("tryggkarta-upload-"))
          .collect(Collectors.toSet());
    }
  }

  private static String sha256(Path f) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  @Test
  void a_valid_upload_is_read_and_its_copy_deleted_and_the_original_left_as_it_was()
      throws Exception {
    Path f = HostileGeoPackages.write(dir.resolve("ok.gpkg"), HostileGeoPackages.Kind.VALID);
    String before = sha256(f);
    Set<Path> copiesBefore = uploadCopies();
    int rows = 0;

    try (RecordSource s = files.openTable(f, Optional.empty(), Layer.INCIDENTS)) {
      assertThat(uploadCopies()).hasSize(copiesBefore.size() + 1);
      for (Optional<SourceRecord> r = s.next(); r.isPresent(); r = s.next()) {
        assertThat(r.get().geometry()).isPresent();
        rows++;
      }
    }

    assertThat(rows).isEqualTo(3);
    assertThat(uploadCopies()).isEqualTo(copiesBefore);
    assertThat(sha256(f)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = HostileGeoPackages.Kind.class,
      names = "VALID",
      mode = EnumSource.Mode.EXCLUDE)
  @Timeout(20)
  void a_hostile_upload_is_refused_with_4xx_and_leaves_no_copy(HostileGeoPackages.Kind kind)
      throws Exception {
    Path f = HostileGeoPackages.write(dir.resolve(kind.slug + ".gpkg"), kind);
    Set<Path> copiesBefore = uploadCopies();

    DomainException e = refused(f);

    assertThat(e.kind())
        .isIn(ErrorKind.INVALID_INPUT, ErrorKind.UNPROCESSABLE, ErrorKind.TOO_LARGE);
    assertThat(uploadCopies()).isEqualTo(copiesBefore);
  }

  @Test
  void a_view_is_named_as_a_view() {
    Path f =
        HostileGeoPackages.write(dir.resolve("v.gpkg"), HostileGeoPackages.Kind.RECURSIVE_VIEW);

    assertThat(refused(f).getMessage()).contains("'incidents' is a view");
  }

  @Test
  void a_generated_column_is_named() {
    Path f =
        HostileGeoPackages.write(dir.resolve("g.gpkg"), HostileGeoPackages.Kind.GENERATED_COLUMN);

    assertThat(refused(f).getMessage()).contains("generated").contains("note");
  }

  @Test
  @Timeout(30)
  void work_past_the_step_budget_is_interrupted() {
    Path f = HostileGeoPackages.withManyDeclaredTables(dir.resolve("long.gpkg"), 999);

    DomainException e;
    try {
      UploadedGeoPackage.open(f, Optional.empty(), "incidents", "incidents", 2_000).close();
      throw new AssertionError("read within the budget");
    } catch (DomainException x) {
      e = x;
    }

    assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
    assertThat(e.getMessage()).contains("SQLite steps");
  }

  @Test
  void the_same_file_is_read_within_the_normal_budget() {
    Path f = HostileGeoPackages.withManyDeclaredTables(dir.resolve("long.gpkg"), 999);

    try (RecordSource s = files.openTable(f, Optional.empty(), Layer.INCIDENTS)) {
      assertThat(s.next()).isPresent();
    }
  }

  private DomainException refused(Path f) {
    try (RecordSource s = files.openTable(f, Optional.empty(), Layer.INCIDENTS)) {
      while (s.next().isPresent()) {
        // read it all
      }
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("the upload was read");
  }
}
