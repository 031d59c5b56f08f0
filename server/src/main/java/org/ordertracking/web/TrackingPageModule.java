package org.ordertracking.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.ordertracking.server.ServerContext;
import org.ordertracking.server.ServerModule;

/**
 * The customer tracking page: {@code GET /track/{token}} serves the page (the token stays in the
 * URL; the page's script reads it and connects to {@code /ws/track}), and
 * {@code /track-assets/<build>/} its scripts, styles and Leaflet. Asset URLs carry the build id so
 * they can be cached for good while the HTML itself is never cached: after a deploy, every new
 * page view loads the matching assets.
 */
public final class TrackingPageModule implements ServerModule {
  private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

  private final PageResources resources;
  private final PageHeaders headers;
  private final String assetsBase;
  private final String html;

  public TrackingPageModule(PageConfig config) {
    // A few KiB read from the jar once, while the node starts, before any request is served.
    this.resources = PageResources.load();
    this.headers = new PageHeaders(config);
    this.assetsBase = "/track-assets/" + resources.buildId();
    this.html = new PageTemplate(resources.indexHtml(), assetsBase, config).html();
  }

  public static TrackingPageModule create(ServerContext ctx) {
    return new TrackingPageModule(ctx.config().page());
  }

  @Override
  public void mount(Router router) {
    router.get("/track/:token").handler(ctx -> {
      headers.page(ctx.response());
      ctx.response().end(html);
    });
    router.get(assetsBase + "/app/*").handler(ctx -> {
      PageHeaders.asset(ctx.response());
      ctx.next();
    }).handler(assets(PageResources.ASSETS_ROOT));
    router.get(assetsBase + "/leaflet/*").handler(ctx -> {
      PageHeaders.asset(ctx.response());
      ctx.next();
    }).handler(assets(resources.leafletRoot()));
  }

  private static StaticHandler assets(String root) {
    return StaticHandler.create(root)
        .setCachingEnabled(true)
        .setMaxAgeSeconds(ONE_YEAR_SECONDS)
        .setDirectoryListing(false)
        .setIncludeHidden(false);
  }
}
