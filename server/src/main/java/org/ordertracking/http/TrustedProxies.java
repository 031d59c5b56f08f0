package org.ordertracking.http;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import org.ordertracking.config.ConfigException;

/**
 * The load balancers whose {@code X-Forwarded-For} header the server believes, as addresses or
 * CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}). A request from anyone else is attributed to
 * its TCP peer, whatever the header says, so a client cannot pick the address it is counted as.
 */
public final class TrustedProxies {
  private static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  public static TrustedProxies none() {
    return NONE;
  }

  /** Comma-separated addresses or CIDR ranges; null or blank: none. */
  public static TrustedProxies parse(String variable, String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    List<Range> ranges = new ArrayList<>();
    for (String item : value.split(",")) {
      String entry = item.trim();
      if (!entry.isEmpty()) {
        ranges.add(Range.parse(variable, entry));
      }
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean trusts(String address) {
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Range r : ranges) {
      if (r.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client behind {@code peer}: the peer itself unless it is trusted; then the right-most
   * {@code X-Forwarded-For} entry that is not a trusted proxy (each proxy appends the address it
   * saw, so entries left of it may have been written by the client).
   */
  public String client(String peer, String forwardedFor) {
    if (forwardedFor == null || !trusts(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = stripPort(hops[i].trim());
      if (literal(hop) == null) {
        break; // not an address: nothing further left can be believed
      }
      client = hop;
      if (!trusts(hop)) {
        break;
      }
    }
    return client;
  }

  private static String stripPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }

  /** The address bytes of an IP literal; null for anything else (never a DNS lookup). */
  static byte[] literal(String address) {
    return address == null ? null : NetUtil.createByteArrayFromIpAddressString(address);
  }

  private record Range(byte[] network, int prefixBits) {
    static Range parse(String variable, String entry) {
      int slash = entry.indexOf('/');
      byte[] bytes = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (bytes == null) {
        throw new ConfigException(variable + ": '" + entry + "' is not an IP address or CIDR range");
      }
      int bits = bytes.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
          throw new ConfigException(variable + ": '" + entry + "' has a bad prefix length");
        }
      }
      return new Range(bytes, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefixBits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
