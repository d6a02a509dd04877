package se.tryggkarta.store.geopackage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.store.EventIndexContract;
import se.tryggkarta.store.Store;

/** The event index on the GeoPackage store; the second instance opens the same file. */
class GeoPackageEventIndexTest extends EventIndexContract {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return GeoPackageStore.open(dir.resolve("index.gpkg"));
  }

  @Override
  protected Store sameDataAs(Store first) {
    return GeoPackageStore.open(((GeoPackageStore) first).file());
  }
}
