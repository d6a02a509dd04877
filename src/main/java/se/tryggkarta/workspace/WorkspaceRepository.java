package se.tryggkarta.workspace;

import java.util.List;
import java.util.Optional;

/** Where workspaces are kept. Implemented by the stores; every method is thread-safe. */
public interface WorkspaceRepository {
  /** Stores a new workspace; throws CONFLICT when the id is taken. */
  void createWorkspace(Workspace workspace);

  /** Replaces an existing workspace's fields; throws NOT_FOUND when it does not exist. */
  void updateWorkspace(Workspace workspace);

  Optional<Workspace> findWorkspace(String id);

  /** All workspaces, ordered by id. */
  List<Workspace> listWorkspaces();

  /** Deletes the workspace and everything stored in it; false when it did not exist. */
  boolean deleteWorkspace(String id);
}
