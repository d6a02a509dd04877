package se.tryggkarta.workspace;

import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.DomainException;

/** Creates, reads, updates and deletes workspaces. Thread-safe as its repository is. */
public final class WorkspaceService {
  private final WorkspaceRepository repository;

  public WorkspaceService(WorkspaceRepository repository) {
    this.repository = repository;
  }

  public Workspace create(Workspace workspace) {
    repository.createWorkspace(workspace);
    return workspace;
  }

  public Workspace update(Workspace workspace) {
    getWorkspace(workspace.id());
    repository.updateWorkspace(workspace);
    return workspace;
  }

  /** The workspace; throws NOT_FOUND when it does not exist. */
  public Workspace getWorkspace(String id) {
    return repository
        .findWorkspace(id)
        .orElseThrow(() -> DomainException.notFound("workspace", id));
  }

  public Optional<Workspace> findWorkspace(String id) {
    return repository.findWorkspace(id);
  }

  public List<Workspace> listWorkspaces() {
    return repository.listWorkspaces();
  }

  public void delete(String id) {
    if (!repository.deleteWorkspace(id)) {
      throw DomainException.notFound("workspace", id);
    }
  }
}
