/**
 * Who may call what. {@link se.tryggkarta.http.auth.Access} is the rule each route declares; an
 * {@link se.tryggkarta.http.auth.AccessPolicy} enforces it before the handler runs: {@link
 * se.tryggkarta.http.auth.ApiKeyPolicy} for the service (Bearer API keys, roles bound to
 * workspaces, public workspaces for anonymous aggregates, a limit on failed logins), {@link
 * se.tryggkarta.http.auth.OpenAccessPolicy} for tests of features that are not about access. Knows
 * nothing of the routes.
 */
package se.tryggkarta.http.auth;
