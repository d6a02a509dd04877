/**
 * Street networks, safety walks (trygghetsvandringar) and safe routes. Entry classes: {@link
 * se.tryggkarta.route.NetworkService} (imports a network into the {@code streets} and {@code lamps}
 * layers and caches the graph per workspace data version), {@link se.tryggkarta.route.WalkPlanner}
 * (chooses and orders the stops of a walk from a {@link se.tryggkarta.route.PriorityPointSource})
 * and {@link se.tryggkarta.route.SafeRouter}. Invariants: plain Java over in-memory data, no HTTP
 * or SQL; a plan never exceeds its length budget; an import that fails stores nothing; the graph
 * does not judge lighting itself, it takes each street's lit intervals from the lighting feature
 * through the {@link se.tryggkarta.route.NetworkLighting} port.
 */
package se.tryggkarta.route;
