/**
 * Where data is kept: the {@link se.tryggkarta.store.Store} port (workspaces, layers, documents,
 * health) and its two implementations, {@code geopackage} (the embedded default, one OGC GeoPackage
 * file) and {@code postgis} (production, shared by several service instances). Only this package
 * speaks SQL. The SQL both dialects share lives here, in {@link se.tryggkarta.store.SqlStore} (the
 * port methods) over the rows classes ({@code WorkspaceRows}, {@code RecordRows}, {@code
 * DocumentRows}, {@code PhotoRows}) and the layer tables' shared names ({@code LayerColumns}); each
 * implementation keeps its connections, geometry encoding, bulk writes and dialect SQL. Both pass
 * one contract test suite ({@code StoreContract}); writes are transactional, and the data version
 * changes on every write so that caches elsewhere stay correct.
 */
package se.tryggkarta.store;
