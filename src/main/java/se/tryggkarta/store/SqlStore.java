package se.tryggkarta.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.document.StoredDocument;
import se.tryggkarta.finding.StoredPhoto;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Page;
import se.tryggkarta.workspace.Workspace;

/**
 * The part of a {@link Store} that is the same SQL in both dialects: creating, updating and reading
 * workspaces, reading and deleting layer records, documents and photos, and the data version, each
 * as one unit of work on the rows classes ({@link WorkspaceRows}, {@link RecordRows}, {@link
 * DocumentRows}, {@link PhotoRows}), and the health check. A subclass says how a unit of work gets
 * its connection and transaction and how a write guards its workspace, gives its tables and how it
 * advances the data version, and writes workspaces and layers in its own dialect. Thread-safe when
 * the subclass's units of work are.
 */
public abstract class SqlStore implements Store {
  /** One unit of work on a connection the store provides. */
  @FunctionalInterface
  protected interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Gives a workspace a new data version, never used before, inside a write. */
  @FunctionalInterface
  protected interface DataVersion {
    void advance(Connection c, String workspaceId) throws SQLException;
  }

  /** Writes one row; false when the row was not written. */
  @FunctionalInterface
  private interface RowWrite<T> {
    boolean write(Connection c, T value) throws SQLException;
  }

  private final WorkspaceRows workspaces;
  private final DocumentRows documents;
  private final String photoTable;
  private final List<RecordTable> tables;
  private final RecordFilter.Dialect filters;
  private final int fetchSize;
  private final DataVersion dataVersion;
  private final String healthQuery;

  /**
   * @param photoTable the photo table's name, a constant of the store
   * @param tables the store's table of every layer
   * @param fetchSize rows a layer read fetches at a time, 0 for the driver's default
   * @param healthQuery a cheap query that succeeds when the store can serve requests
   */
  protected SqlStore(
      WorkspaceRows workspaces,
      DocumentRows documents,
      String photoTable,
      List<? extends RecordTable> tables,
      RecordFilter.Dialect filters,
      int fetchSize,
      DataVersion dataVersion,
      String healthQuery) {
    this.workspaces = workspaces;
    this.documents = documents;
    this.photoTable = photoTable;
    this.tables = List.copyOf(tables);
    this.filters = filters;
    this.fetchSize = fetchSize;
    this.dataVersion = dataVersion;
    this.healthQuery = healthQuery;
  }

  /** Runs a short read; SQL failures become domain errors. */
  protected abstract <T> T read(SqlWork<T> work);

  /** Runs one write transaction: all of it is stored, or none. */
  protected abstract <T> T write(SqlWork<T> work);

  /**
   * Runs a read of many rows in one snapshot, so a page and its count agree. By default a {@link
   * #read}.
   */
  protected <T> T heavyRead(SqlWork<T> work) {
    return read(work);
  }

  /**
   * Inside a write: makes sure the workspace exists (NOT_FOUND otherwise) and stays until the
   * transaction ends. By default only the check, for stores whose writes are serialised.
   */
  protected void guardWorkspace(Connection c, String id) throws SQLException {
    WorkspaceRows.require(c, id);
  }

  /** The store's table of a layer. */
  private RecordTable table(Layer layer) {
    return RecordTable.of(tables, layer);
  }

  @Override
  public void checkHealth() {
    read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(healthQuery)) {
            rs.next();
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- workspaces

  @Override
  public void createWorkspace(Workspace w) {
    writeWorkspace(
        w,
        workspaces::insert,
        () ->
            new DomainException(
                ErrorKind.CONFLICT, "id", "workspace '" + w.id() + "' already exists"));
  }

  @Override
  public void updateWorkspace(Workspace w) {
    writeWorkspace(w, workspaces::update, () -> DomainException.notFound("workspace", w.id()));
  }

  /** Inserts or updates a workspace's row and advances its version; throws when none changed. */
  private void writeWorkspace(
      Workspace w, RowWrite<Workspace> row, Supplier<DomainException> unchanged) {
    write(
        c -> {
          if (!row.write(c, w)) {
            throw unchanged.get();
          }
          dataVersion.advance(c, w.id());
          return null;
        });
  }

  @Override
  public Optional<Workspace> findWorkspace(String id) {
    return read(c -> workspaces.find(c, id));
  }

  @Override
  public List<Workspace> listWorkspaces() {
    return read(workspaces::list);
  }

  @Override
  public long dataVersion(String workspaceId) {
    return read(c -> WorkspaceRows.dataVersion(c, workspaceId));
  }

  // ---------------------------------------------------------------- layers

  @Override
  public Page<LayerRecord> query(String workspaceId, Layer layer, LayerQuery query) {
    RecordTable t = table(layer);
    RecordFilter where = filter(t, workspaceId, query);
    return heavyRead(
        inWorkspace(
            workspaceId,
            c -> {
              long total = RecordRows.count(c, t, where);
              List<LayerRecord> items = new ArrayList<>();
              if (query.offset() < total) {
                RecordRows.select(c, t, where, query, fetchSize, items::add);
              }
              return new Page<>(items, total);
            }));
  }

  @Override
  public void scan(
      String workspaceId, Layer layer, LayerQuery query, Consumer<LayerRecord> consumer) {
    RecordTable t = table(layer);
    RecordFilter where = filter(t, workspaceId, query);
    heavyRead(
        inWorkspace(
            workspaceId,
            c -> {
              RecordRows.select(c, t, where, query, fetchSize, consumer);
              return null;
            }));
  }

  /** The work, after a check that the workspace exists (NOT_FOUND otherwise). */
  private static <T> SqlWork<T> inWorkspace(String workspaceId, SqlWork<T> work) {
    return c -> {
      WorkspaceRows.require(c, workspaceId);
      return work.run(c);
    };
  }

  /** The filter of a layer query as this store writes it (for the stores' own diagnostics). */
  protected RecordFilter filter(RecordTable t, String workspaceId, LayerQuery query) {
    return RecordFilter.of(t, workspaceId, query, filters);
  }

  @Override
  public Optional<LayerRecord> findRecord(String workspaceId, Layer layer, String externalId) {
    RecordTable t = table(layer);
    return read(inWorkspace(workspaceId, c -> RecordRows.find(c, t, workspaceId, externalId)));
  }

  @Override
  public boolean deleteRecord(String workspaceId, Layer layer, String externalId) {
    RecordTable t = table(layer);
    return write(
        c -> {
          guardWorkspace(c, workspaceId);
          boolean deleted = RecordRows.delete(c, t, workspaceId, externalId);
          if (deleted) {
            dataVersion.advance(c, workspaceId);
          }
          return deleted;
        });
  }

  // ---------------------------------------------------------------- documents

  @Override
  public void putDocument(String collection, String scope, String id, String json) {
    putDocuments(collection, scope, Map.of(id, json));
  }

  /** Documents of a workspace (a non-empty scope) change its data version; global ones none. */
  @Override
  public void putDocuments(String collection, String scope, Map<String, String> jsonById) {
    write(
        c -> {
          if (!scope.isEmpty()) {
            guardWorkspace(c, scope);
          }
          documents.put(c, collection, scope, jsonById);
          if (!scope.isEmpty()) {
            dataVersion.advance(c, scope);
          }
          return null;
        });
  }

  @Override
  public Optional<StoredDocument> findDocument(String collection, String scope, String id) {
    return read(c -> documents.find(c, collection, scope, id));
  }

  @Override
  public List<StoredDocument> listDocuments(String collection, String scope) {
    return read(c -> documents.list(c, collection, scope));
  }

  @Override
  public boolean deleteDocument(String collection, String scope, String id) {
    return write(
        c -> {
          boolean deleted = documents.delete(c, collection, scope, id);
          if (deleted && !scope.isEmpty()) {
            dataVersion.advance(c, scope);
          }
          return deleted;
        });
  }

  // ---------------------------------------------------------------- photos

  @Override
  public void putPhoto(String workspaceId, StoredPhoto photo) {
    write(
        c -> {
          guardWorkspace(c, workspaceId);
          PhotoRows.put(c, photoTable, workspaceId, photo);
          return null;
        });
  }

  @Override
  public Optional<StoredPhoto> findPhoto(String workspaceId, String photoId) {
    return read(c -> PhotoRows.find(c, photoTable, workspaceId, photoId));
  }

  @Override
  public boolean deletePhoto(String workspaceId, String photoId) {
    return write(c -> PhotoRows.delete(c, photoTable, workspaceId, photoId));
  }

  /**
   * Inside a write: deletes the workspace's documents and photos, as deleting the workspace does.
   */
  protected void deleteDocumentsAndPhotos(Connection c, String workspaceId) throws SQLException {
    documents.deleteScope(c, workspaceId);
    WorkspaceRows.deleteOf(c, photoTable, "workspace_id", workspaceId);
  }
}
