package org.ordertracking.bench.stats;

import java.util.List;

/** Medians of repeated measurements (the figures the docs report). */
public final class Medians {
  private Medians() {}

  /** The median of the values, ignoring nulls and NaNs; NaN when none is left. */
  public static double of(List<? extends Number> values) {
    double[] v = values.stream()
        .filter(x -> x != null && !Double.isNaN(x.doubleValue()))
        .mapToDouble(Number::doubleValue)
        .sorted()
        .toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /** {@code a / b}, or NaN when either is missing or b is 0. */
  public static double ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
  }
}
