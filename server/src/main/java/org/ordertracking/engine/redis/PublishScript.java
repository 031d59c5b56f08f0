package org.ordertracking.engine.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua publish script ({@code redis/publish.lua}): run by SHA, and sent whole only when Redis
 * answers NOSCRIPT (first use, or after a Redis restart flushed its script cache).
 */
final class PublishScript {
  private final String source;
  private final String sha;

  PublishScript() {
    try (InputStream in = PublishScript.class.getResourceAsStream("/redis/publish.lua")) {
      if (in == null) {
        throw new IllegalStateException("redis/publish.lua missing from the classpath");
      }
      this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      this.sha =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-1")
                      .digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Future<Response> run(Redis redis, String key, List<String> args) {
    return redis
        .send(request(Command.EVALSHA, sha, key, args))
        .recover(
            err -> {
              String msg = err.getMessage();
              if (msg != null && msg.startsWith("NOSCRIPT")) {
                return redis.send(request(Command.EVAL, source, key, args));
              }
              return Future.failedFuture(err);
            });
  }

  private static Request request(Command cmd, String script, String key, List<String> args) {
    Request req = Request.cmd(cmd).arg(script).arg(1).arg(key);
    for (String a : args) {
      req.arg(a);
    }
    return req;
  }
}
