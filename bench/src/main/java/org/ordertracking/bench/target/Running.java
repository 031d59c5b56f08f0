package org.ordertracking.bench.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ordertracking.bench.proc.Children;
import org.ordertracking.bench.proc.Children.Child;

/** A started server process. */
public record Running(Target target, Child child, int port, long startedNanos) {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade header: the baseline would treat it as a WebSocket upgrade
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** Polls the ready path until 200; returns the milliseconds since the process started. */
  public long awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.alive()) {
        throw new IllegalStateException(target.name() + " server exited (code "
            + child.process().exitValue() + "); see its log in the run directory");
      }
      if (status(target.readyPath(), Duration.ofSeconds(1)) == 200) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(target.name() + " server not ready within " + timeout);
  }

  /** The HTTP status of {@code GET path}, or -1 when no answer came within {@code timeout}. */
  public int status(String path, Duration timeout) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(timeout)
          .build();
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public long pid() {
    return child.pid();
  }

  /** SIGTERM, and time to exit cleanly (a JVM writes its flight recording on the way out). */
  public void stop() {
    Children.get().stop(child, 30_000);
  }
}
