package org.ordertracking.server;

import java.util.ArrayList;
import java.util.List;
import org.ordertracking.adapters.AdaptersModule;
import org.ordertracking.web.TrackingPageModule;

/** The one place that lists the feature modules a node runs, built from its context. */
public final class Modules {
  private Modules() {}

  public static List<ServerModule> create(ServerContext ctx) {
    List<ServerModule> modules = new ArrayList<>();
    modules.add(TrackingPageModule.create(ctx));
    modules.add(new AdaptersModule(ctx));
    return modules;
  }
}
