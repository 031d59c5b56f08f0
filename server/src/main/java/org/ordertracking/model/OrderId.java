package org.ordertracking.model;

import java.util.regex.Pattern;

/**
 * An order's identifier: 1–64 characters from {@code [A-Za-z0-9_.-]}. The alphabet is narrow on
 * purpose: an id ends up inside Redis key and channel names with a Cluster hash tag, where braces,
 * colons or spaces would break the naming.
 */
public record OrderId(String value) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public OrderId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("orderId must be 1-64 characters from [A-Za-z0-9_.-]");
    }
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
