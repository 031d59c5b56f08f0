package org.ordertracking.model;

import java.time.Instant;

/**
 * One courier position. Optional measurements are {@code null} when the publisher did not send
 * them. {@code recordedAt} is when the device took the fix (the server stamps its own clock when
 * the publisher gives none); it drives the stale-location rule.
 */
public record Location(
    double lat, double lng, Double heading, Double speed, Double accuracy, Instant recordedAt) {}
