package org.ordertracking.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One scrape of {@code GET /metrics}: every sample by its series ({@code name{labels}}), as the text says it. */
public record Scrape(int status, String contentType, Map<String, Double> samples) {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public static Scrape of(int port) {
    try {
      HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      return new Scrape(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""),
          res.statusCode() == 200 ? parse(res.body()) : Map.of());
    } catch (IOException e) {
      throw new AssertionError("scrape of port " + port + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Map<String, Double> parse(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }

  /** The sample of exactly this series; 0 when absent. */
  public double value(String series) {
    return samples.getOrDefault(series, 0.0);
  }

  /** The sum over every series of {@code name} whose labels contain all of {@code labels} (e.g. {@code code="401"}). */
  public double sum(String name, String... labels) {
    double total = 0;
    for (Map.Entry<String, Double> e : samples.entrySet()) {
      String series = e.getKey();
      if (!nameOf(series).equals(name)) {
        continue;
      }
      boolean all = true;
      for (String l : labels) {
        all &= series.contains(l);
      }
      if (all) {
        total += e.getValue();
      }
    }
    return total;
  }

  /** Every metric name in the scrape (without labels). */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.keySet().forEach(s -> names.add(nameOf(s)));
    return names;
  }

  private static String nameOf(String series) {
    int brace = series.indexOf('{');
    return brace < 0 ? series : series.substring(0, brace);
  }
}
