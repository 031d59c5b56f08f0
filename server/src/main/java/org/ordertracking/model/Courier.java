package org.ordertracking.model;

import org.ordertracking.json.JsonText;

/** Who is delivering: both parts optional, shown to the customer as given. */
public record Courier(String name, String vehicle) {
  public String toJson() {
    StringBuilder sb = new StringBuilder(64).append('{');
    if (name != null) {
      sb.append("\"name\":").append(JsonText.quote(name));
    }
    if (vehicle != null) {
      if (name != null) {
        sb.append(',');
      }
      sb.append("\"vehicle\":").append(JsonText.quote(vehicle));
    }
    return sb.append('}').toString();
  }
}
