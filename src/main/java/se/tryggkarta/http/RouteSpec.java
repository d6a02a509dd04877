package se.tryggkarta.http;

import se.tryggkarta.http.auth.Access;

/**
 * One registered route: method, Javalin path (with {@code {param}} placeholders) and its access
 * rule.
 */
public record RouteSpec(String method, String path, Access access) {}
