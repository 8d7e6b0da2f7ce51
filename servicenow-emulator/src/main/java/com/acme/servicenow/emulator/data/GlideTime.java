package com.acme.servicenow.emulator.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** ServiceNow's raw date-time format: UTC, {@code yyyy-MM-dd HH:mm:ss}. */
public final class GlideTime {

  public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private GlideTime() {
  }

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /** Parses a raw value; returns null when it is not a date-time. */
  public static Instant parse(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value, FORMAT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
