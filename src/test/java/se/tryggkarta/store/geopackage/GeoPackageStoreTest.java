package se.tryggkarta.store.geopackage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.store.Store;
import se.tryggkarta.store.StoreContract;

/** The store contract on the embedded GeoPackage store, a new file per test. */
class GeoPackageStoreTest extends StoreContract {
  @TempDir Path dir;
  private int files;

  @Override
  protected Store newStore() {
    return GeoPackageStore.open(dir.resolve("store-" + files++ + ".gpkg"));
  }
}
