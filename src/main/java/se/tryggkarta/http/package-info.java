/**
 * The HTTP API (Javalin). Entry class: {@link se.tryggkarta.http.HttpApp}, the app factory that
 * {@code Wiring} calls with one {@link se.tryggkarta.http.RouteGroup} per feature (in {@code api/})
 * and an access policy (in {@code auth/}). This package holds what every route shares:
 * registration, request parameters, upload limits, JSON, security headers and the problem mapping.
 * Invariants: every route is registered through {@link se.tryggkarta.http.ApiRoutes} with an
 * explicit {@link se.tryggkarta.http.auth.Access} rule; every 4xx/5xx answer is {@code
 * application/problem+json} (RFC 9457), made by {@link se.tryggkarta.http.ProblemMapper}. Only
 * {@code http} and its subpackages import Javalin; {@code api} depends on this package and {@code
 * auth}, this package on {@code auth}, and {@code auth} on neither.
 */
package se.tryggkarta.http;
