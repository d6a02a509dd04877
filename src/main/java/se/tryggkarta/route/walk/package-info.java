/**
 * Choosing and ordering the stops of a safety walk, and writing it out. Entry class: {@link
 * se.tryggkarta.route.walk.Orienteering}, a heuristic for the orienteering problem over a distance
 * matrix; {@link se.tryggkarta.route.walk.WalkProtocol} and {@link se.tryggkarta.route.walk.Gpx}
 * render a planned walk. Invariants: a solution never exceeds the length budget and always holds
 * every mandatory stop; nothing here knows about streets or storage.
 */
package se.tryggkarta.route.walk;
