package org.ordertracking.adapters;

import java.time.Duration;

/**
 * How a {@link LocationPoller} polls one provider.
 *
 * @param baseUrl the provider API's base URL, e.g. {@code https://api.example.com}
 * @param bearerToken sent as {@code Authorization: Bearer …}, or null
 * @param interval each active order is polled at most once per interval (on every node together)
 * @param maxInFlight requests in flight at once; a poll due while all are busy waits a round
 * @param timeout per request, connect to last byte
 * @param maxBackoff the longest pause after failures or a Retry-After
 * @param maxOrders the most orders polled per round
 */
public record PollerSettings(
    String baseUrl,
    String bearerToken,
    Duration interval,
    int maxInFlight,
    Duration timeout,
    Duration maxBackoff,
    int maxOrders) {}
