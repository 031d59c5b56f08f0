package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ordertracking.bench.proc.Children;
import org.ordertracking.bench.proc.Children.Child;

/**
 * The load-client processes of one run: sockets dealt round-robin over processes of at most
 * {@link #MAX_SOCKETS_PER_CLIENT} (the open-file limit is 20 000 per process), each process on its
 * own eight 127.0.0.x source addresses. Commands go to every client; their answers are merged.
 */
final class ClientFleet implements AutoCloseable {
  static final int MAX_SOCKETS_PER_CLIENT = 9_900;
  private static final int SOURCES_PER_CLIENT = 8;

  /** One socket to open: the index of its order in the run's order list, and its upgrade URI. */
  record SocketSpec(int order, String uri) {}

  private record Client(Child child, OutputStream stdin, BlockingQueue<String> replies) {}

  private final List<Client> clients = new ArrayList<>();

  ClientFleet(Path runDir, Path benchJar, int port, List<SocketSpec> sockets, int minClients) throws IOException {
    int n = Math.max(minClients, (sockets.size() + MAX_SOCKETS_PER_CLIENT - 1) / MAX_SOCKETS_PER_CLIENT);
    for (int k = 0; k < n; k++) {
      StringBuilder list = new StringBuilder();
      for (int i = k; i < sockets.size(); i += n) {
        list.append(sockets.get(i).order()).append(' ').append(sockets.get(i).uri()).append('\n');
      }
      Path file = runDir.resolve("client-" + k + ".sockets");
      Files.writeString(file, list);
      List<String> sources = new ArrayList<>();
      for (int j = 0; j < SOURCES_PER_CLIENT; j++) {
        sources.add("127.0.0." + (10 + k * SOURCES_PER_CLIENT + j));
      }
      ProcessBuilder pb = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xms256m", "-Xmx768m", "-XX:+UseSerialGC", "-Xss256k",
          "-cp", benchJar.toString(), "org.ordertracking.bench.client.LoadClient",
          "127.0.0.1", Integer.toString(port), String.join(",", sources), file.toString())
          .redirectError(runDir.resolve("client-" + k + ".log").toFile());
      Child child = Children.get().start("load-client-" + k, pb, null);
      BlockingQueue<String> replies = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> readReplies(child, replies), "client-" + k + "-replies");
      reader.setDaemon(true);
      reader.start();
      clients.add(new Client(child, child.process().getOutputStream(), replies));
    }
  }

  private static void readReplies(Child child, BlockingQueue<String> replies) {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(child.process().getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        replies.add(line);
      }
    } catch (IOException e) {
      // the client ended; a waiting command times out and says so
    }
  }

  int size() {
    return clients.size();
  }

  List<Child> processes() {
    return clients.stream().map(Client::child).toList();
  }

  /** Sends {@code cmd} to every client and returns their answers, in client order. */
  List<JsonObject> command(JsonObject cmd, Duration timeout) throws InterruptedException {
    byte[] line = (cmd.encode() + "\n").getBytes(StandardCharsets.UTF_8);
    for (Client c : clients) {
      try {
        c.stdin().write(line);
        c.stdin().flush();
      } catch (IOException e) {
        throw new UncheckedIOException("load client " + c.child().name() + " is gone", e);
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonObject> out = new ArrayList<>();
    for (Client c : clients) {
      String reply = c.replies().poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (reply == null) {
        throw new IllegalStateException("load client " + c.child().name() + " did not answer '"
            + cmd.getString("cmd") + "' within " + timeout + " (see its log)");
      }
      out.add(new JsonObject(reply));
    }
    return out;
  }

  /** {@link #command} with the answers merged by {@link ClientReports#merge}. */
  JsonObject merged(JsonObject cmd, Duration timeout) throws InterruptedException {
    return ClientReports.merge(command(cmd, timeout));
  }

  @Override
  public void close() {
    for (Client c : clients) {
      try {
        c.stdin().close(); // end of input: the client exits by itself
      } catch (IOException e) {
        // already gone
      }
    }
    for (Client c : clients) {
      Children.get().stop(c.child(), 5_000);
    }
  }
}
