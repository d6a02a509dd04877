package se.tryggkarta.http.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route declares one; a test fails when a route has none.
 *
 * <ul>
 *   <li>{@link #OPEN}: anyone (health, the API description, static files).
 *   <li>{@link #AGGREGATE}: aggregated results of one workspace (density, Gi*, sites, progress):
 *       viewers and analysts of the workspace, and anonymous users when the workspace is public.
 *   <li>{@link #READ}: raw records of one workspace: viewers and analysts of the workspace.
 *   <li>{@link #WRITE}: changes to one workspace's data: analysts of the workspace.
 *   <li>{@link #ADMIN}: workspaces and keys: admins.
 *   <li>{@link #AUTHENTICATED}: any valid key (listing the workspaces the key may see).
 * </ul>
 */
public enum Access implements RouteRole {
  OPEN,
  AUTHENTICATED,
  AGGREGATE,
  READ,
  WRITE,
  ADMIN
}
