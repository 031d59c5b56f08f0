package org.ordertracking.bench.target;

import java.nio.file.Path;
import java.util.List;

/** A server under test: how to start it on a given Redis and how its sockets are addressed. */
public interface Target {
  /** {@code java} or {@code node}: the key of its figures in the results. */
  String name();

  /**
   * Starts the server process on {@code port} (returns at once; see {@link Running#awaitReady}).
   *
   * @param extraJvmFlags profiling flags for a JVM target; ignored by others
   */
  Running start(Path runDir, int redisPort, int port, List<String> extraJvmFlags);

  /** Path and query of the upgrade request for a socket watching {@code orderId}. */
  String socketUri(String orderId);

  /** The path that answers 200 when the server is ready for sockets. */
  String readyPath();

  /** Whether a new socket gets a first frame (the snapshot) before any event is published. */
  boolean sendsSnapshot();

  /** Whether events can go through the server's own ingest API ({@code POST /api/v1/events}). */
  boolean hasIngestApi();

  /** The key for the ingest API, when it has one. */
  default String apiKey() {
    throw new UnsupportedOperationException(name() + " has no ingest API");
  }
}
