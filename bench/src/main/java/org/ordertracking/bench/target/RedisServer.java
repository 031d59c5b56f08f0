package org.ordertracking.bench.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ordertracking.bench.proc.Children;
import org.ordertracking.bench.proc.Children.Child;

/**
 * A private {@code redis-server} on a free loopback port, without persistence: never the Redis a
 * developer may run on 6379.
 */
public final class RedisServer {
  private final Child child;
  private final int port;

  private RedisServer(Child child, int port) {
    this.child = child;
    this.port = port;
  }

  public static RedisServer start(Path runDir) throws InterruptedException {
    int port = Ports.free();
    ProcessBuilder pb = new ProcessBuilder("redis-server", "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxclients", "10000",
        "--dir", runDir.toString());
    Child child = Children.get().start("redis", pb, runDir.resolve("redis.log"));
    RedisServer redis = new RedisServer(child, port);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!redis.pong()) {
      if (!child.alive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server did not start on port " + port + "; see redis.log");
      }
      Thread.sleep(20);
    }
    return redis;
  }

  private boolean pong() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[7];
      int n = in.read(buf);
      return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return child.pid();
  }

  public void stop() {
    Children.get().stop(child, 5_000);
  }
}
