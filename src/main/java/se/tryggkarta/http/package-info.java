/**
 * The HTTP API (Javalin). Entry class: {@link se.tryggkarta.http.HttpApp}, the app factory that
 * {@code Wiring} calls with one {@link se.tryggkarta.http.RouteGroup} per feature. Invariants:
 * every route is registered through {@link se.tryggkarta.http.ApiRoutes} with an explicit {@link
 * se.tryggkarta.http.Access} rule; every 4xx/5xx answer is {@code application/problem+json} (RFC
 * 9457), made by {@link se.tryggkarta.http.ProblemMapper}; handlers parse, call one service method,
 * and map the result. Only this package imports Javalin.
 */
package se.tryggkarta.http;
