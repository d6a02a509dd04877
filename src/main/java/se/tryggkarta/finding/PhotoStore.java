package se.tryggkarta.finding;

import java.util.Optional;

/**
 * The port to where photos are kept: in the store itself (a GeoPackage blob table, a PostGIS {@code
 * bytea} column), never as files beside it. Implemented by both stores; thread-safe. A write to a
 * workspace that does not exist throws NOT_FOUND; deleting a workspace deletes its photos.
 */
public interface PhotoStore {
  /** Inserts or replaces one photo. */
  void putPhoto(String workspaceId, StoredPhoto photo);

  Optional<StoredPhoto> findPhoto(String workspaceId, String photoId);

  /** False when there was no such photo. */
  boolean deletePhoto(String workspaceId, String photoId);
}
