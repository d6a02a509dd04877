/**
 * The API's route groups, one {@code *Routes} class per feature (workspaces, layers, imports,
 * hotspots, tiles, walks and routes, lighting, commitments, keys, the web map, health), and the
 * JSON shapes of their answers ({@code *Json}). Handlers parse and validate, call one service
 * method and map the result; each route declares its {@link se.tryggkarta.http.auth.Access} rule.
 * Built by {@code Wiring} with their services.
 */
package se.tryggkarta.http.api;
