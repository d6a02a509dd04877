package se.tryggkarta.store;

import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.finding.PhotoStore;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.workspace.WorkspaceRepository;

/**
 * Everything Tryggkarta keeps, behind one interface with two implementations: {@link
 * se.tryggkarta.store.geopackage.GeoPackageStore} (a single GeoPackage file, the embedded default)
 * and {@link se.tryggkarta.store.postgis.PostgisStore} (production, several service instances). The
 * same contract test suite runs against both.
 */
public interface Store
    extends WorkspaceRepository, LayerStore, DocumentStore, PhotoStore, AutoCloseable {
  /** Throws UNAVAILABLE when the store cannot serve requests right now. */
  void checkHealth();

  /** A short description for logs and {@code /health}, for example the file path or JDBC URL. */
  String describe();

  /** The kind of store for {@code /health}: {@code geopackage} or {@code postgis}. */
  default String kind() {
    return "store";
  }

  @Override
  void close();
}
