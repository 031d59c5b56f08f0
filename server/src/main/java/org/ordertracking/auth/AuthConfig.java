package org.ordertracking.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * Who may do what: the tracking-token secrets, the admin key and the ingest API keys.
 *
 * @param tokenSecrets HS256 secrets, the first signs and all verify (rotation); empty only in the
 *     demo, which makes its own
 * @param adminKey the key that mints tracking links, or null (minting disabled)
 * @param apiKeys key name (the provider stamped on events) to key
 */
public record AuthConfig(List<String> tokenSecrets, String adminKey, Map<String, String> apiKeys) {
  public static final int MIN_SECRET_BYTES = 32;
  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** @param demo whether the demo runs (it may do without a token secret) */
  public static AuthConfig fromEnv(Env env, boolean demo) {
    List<String> secrets = secrets(env.get("TRACKING_TOKEN_SECRET"), demo);
    String adminKey = env.get("TRACKING_ADMIN_KEY");
    Map<String, String> apiKeys = env.pairs("TRACKING_API_KEYS");
    apiKeys.keySet().forEach(name -> {
      if (!KEY_NAME.matcher(name).matches()) {
        throw new ConfigException("TRACKING_API_KEYS: key name '" + name
            + "' must be 1-64 characters from [A-Za-z0-9_.-] (it becomes the events' provider)");
      }
    });
    if (new HashSet<>(apiKeys.values()).size() < apiKeys.size()) {
      // The key's name becomes the events' provider: one key under two names would make it arbitrary.
      throw new ConfigException("TRACKING_API_KEYS gives the same key to two names; each name needs its own key");
    }
    if (adminKey != null && apiKeys.containsValue(adminKey)) {
      throw new ConfigException("TRACKING_ADMIN_KEY must differ from every key in TRACKING_API_KEYS");
    }
    return new AuthConfig(secrets, adminKey, Map.copyOf(apiKeys));
  }

  private static List<String> secrets(String raw, boolean demo) {
    if (raw == null) {
      if (demo) {
        return List.of(); // the demo mints a random secret
      }
      throw new ConfigException(
          "TRACKING_TOKEN_SECRET is required: one or more secrets of at least "
              + MIN_SECRET_BYTES + " bytes, comma-separated (the first signs, all verify)");
    }
    List<String> out = new ArrayList<>();
    for (String s : raw.split(",")) {
      String secret = s.trim();
      if (secret.isEmpty()) {
        continue;
      }
      int len = secret.getBytes(StandardCharsets.UTF_8).length;
      if (len < MIN_SECRET_BYTES) {
        throw new ConfigException("TRACKING_TOKEN_SECRET: secret #" + (out.size() + 1) + " is " + len
            + " bytes; each secret must be at least " + MIN_SECRET_BYTES + " bytes");
      }
      out.add(secret);
    }
    if (out.isEmpty()) {
      throw new ConfigException("TRACKING_TOKEN_SECRET holds no secret");
    }
    return List.copyOf(out);
  }
}
