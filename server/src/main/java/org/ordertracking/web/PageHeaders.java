package org.ordertracking.web;

import io.vertx.core.http.HttpServerResponse;

/**
 * Response headers of the page. The Content-Security-Policy allows only our own scripts and
 * styles, images from us, the tile server and the configured courier photo sources, and connections back to us (the WebSocket and the
 * link check): the page shows a capability token, so injected content must not run. No referrer
 * leaves the page, so the token never reaches the tile server in a Referer header.
 */
final class PageHeaders {
  private final String csp;

  PageHeaders(PageConfig config) {
    this.csp = String.join("; ",
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        // data: is Leaflet's blank image for tiles it unloads; an image cannot run code.
        "img-src 'self' data: " + config.tilesOrigin()
            + (config.photoSources().isEmpty() ? "" : " " + String.join(" ", config.photoSources())),
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'");
  }

  String csp() {
    return csp;
  }

  void page(HttpServerResponse res) {
    res.putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Security-Policy", csp)
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY");
  }

  static void asset(HttpServerResponse res) {
    res.putHeader("X-Content-Type-Options", "nosniff");
  }
}
