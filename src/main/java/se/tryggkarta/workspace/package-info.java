/**
 * Workspaces: the area one partnership covers (one municipality, or a local police area spanning
 * several). Entry class: {@link se.tryggkarta.workspace.WorkspaceService}. Invariants: ids are
 * lower-case slugs; every workspace has a projected, metric analysis CRS (EPSG:3006 by default);
 * the optional boundary is stored in WGS84.
 */
package se.tryggkarta.workspace;
