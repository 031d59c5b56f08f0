package org.ordertracking.config;

/** A configuration mistake, with a message meant for the operator (no stack trace needed). */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
