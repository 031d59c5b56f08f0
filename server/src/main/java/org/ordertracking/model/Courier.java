package org.ordertracking.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.ordertracking.json.JsonText;

/**
 * Who is delivering, as the customer sees them on the tracking page. Every part is optional and
 * shown as given (the page writes it as text, never as markup); the record refuses what a page
 * must never show: over-long text (a courier name of 60 000 characters) and photo URLs that are
 * not plain {@code https} (no {@code javascript:}, {@code data:} or {@code http:} image, no
 * credentials in the URL).
 *
 * <p>These invariants are the one rule set both parsers rely on (the ingest API and the provider
 * decoders): they catch {@link IllegalArgumentException}, whose message names the field by its JSON
 * name, and prefix the path of the object.
 *
 * @param name the courier's display name (providers send first name and initial)
 * @param vehicle the kind of vehicle, e.g. {@code bicycle}, {@code car}
 * @param photoUrl an {@code https} URL of the courier's photo
 * @param vehicleMake e.g. {@code Toyota}
 * @param vehicleModel e.g. {@code Prius}
 * @param vehicleColor e.g. {@code white}
 */
public record Courier(
    String name,
    String vehicle,
    String photoUrl,
    String vehicleMake,
    String vehicleModel,
    String vehicleColor) {

  /** Longest name or vehicle text, in UTF-16 characters (the ingest API's limit too). */
  public static final int MAX_TEXT = Limits.TEXT;
  /** Longest photo URL. */
  public static final int MAX_URL = Limits.URL;

  public Courier {
    checkText("name", name);
    checkText("vehicle", vehicle);
    checkText("vehicleMake", vehicleMake);
    checkText("vehicleModel", vehicleModel);
    checkText("vehicleColor", vehicleColor);
    checkPhoto(photoUrl);
  }

  /** A courier known by name and vehicle only. */
  public Courier(String name, String vehicle) {
    this(name, vehicle, null, null, null, null);
  }

  /** A courier, or null when every part is absent (nothing to show, nothing to overwrite). */
  public static Courier orNull(
      String name, String vehicle, String photoUrl, String make, String model, String color) {
    if (name == null && vehicle == null && photoUrl == null && make == null && model == null
        && color == null) {
      return null;
    }
    return new Courier(name, vehicle, photoUrl, make, model, color);
  }

  /** The JSON object clients receive, with absent parts left out. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(96).append('{');
    append(sb, "name", name);
    append(sb, "vehicle", vehicle);
    append(sb, "photoUrl", photoUrl);
    append(sb, "vehicleMake", vehicleMake);
    append(sb, "vehicleModel", vehicleModel);
    append(sb, "vehicleColor", vehicleColor);
    return sb.append('}').toString();
  }

  private static void append(StringBuilder sb, String field, String value) {
    if (value == null) {
      return;
    }
    if (sb.length() > 1) {
      sb.append(',');
    }
    sb.append('"').append(field).append("\":").append(JsonText.quote(value));
  }

  private static void checkText(String field, String value) {
    if (value == null) {
      return;
    }
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT + " characters");
    }
  }

  private static void checkPhoto(String url) {
    if (url == null) {
      return;
    }
    if (url.length() > MAX_URL) {
      throw new IllegalArgumentException("photoUrl must be at most " + MAX_URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("photoUrl must be a valid https URL");
    }
    boolean https = "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT));
    if (!https || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("photoUrl must be an https URL with a host and no credentials");
    }
  }
}
