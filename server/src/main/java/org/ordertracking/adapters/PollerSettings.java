package org.ordertracking.adapters;

import java.time.Duration;

/**
 * How a {@link LocationPoller} polls one provider.
 *
 * @param baseUrl the provider API's base URL, e.g. {@code https://api.developers.deliveroo.com}
 * @param auth the OAuth2 client credentials its requests are authorised with, or null for none
 * @param interval each active order is polled at most once per interval (on every node together)
 * @param maxInFlight requests in flight at once; a poll due while all are busy waits a round
 * @param timeout per request, connect to last byte (the token request too)
 * @param maxBackoff the longest pause after failures or a Retry-After
 * @param maxOrders the most orders polled per round
 */
public record PollerSettings(
    String baseUrl,
    OAuthSettings auth,
    Duration interval,
    int maxInFlight,
    Duration timeout,
    Duration maxBackoff,
    int maxOrders) {}
