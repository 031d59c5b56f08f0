package org.ordertracking.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose query string cannot be decoded ({@code ?token=%Zs}) with a JSON 400
 * before any route reads a parameter: reading it later throws, which would be a 500.
 */
final class QueryStrings {
  private QueryStrings() {}

  static void check(RoutingContext ctx) {
    if (ctx.request().query() != null) {
      try {
        ctx.request().params(); // decodes, once; routes reuse the result
      } catch (IllegalArgumentException e) {
        HttpErrors.send(ctx, 400, "malformed query string");
        return;
      }
    }
    ctx.next();
  }
}
