package org.ordertracking.fuzz;

/**
 * What the generators know about the server under attack: its keys and secrets (so that some
 * requests are authentic and reach the parsers), a valid tracking token, and the order-id prefix
 * of this run (every order a generator names starts with it).
 */
record FuzzTarget(
    String apiKey,
    String adminKey,
    String uberSecret,
    String doordashSecret,
    String deliverooSecret,
    String onfleetSecret,
    String tokenSecret,
    String goodToken,
    String orderPrefix) {}
