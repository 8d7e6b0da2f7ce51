package com.acme.servicenow.connector.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Operator-level settings of the connector runtime (environment variables or system properties),
 * deliberately not element-template inputs: a process model must not be able to switch TLS
 * verification off or downgrade to plain HTTP.
 *
 * <ul>
 *   <li>{@code SERVICENOW_ALLOW_HTTP} / {@code servicenow.allowHttp} — allow {@code http://} base
 *       URLs (e.g. an emulator on localhost). Off by default.
 *   <li>{@code SERVICENOW_TRUSTED_CERTIFICATES} / {@code servicenow.trustedCertificates} — path to a
 *       PEM file with certificates to trust instead of the JDK's roots (a corporate CA, or the
 *       emulator's self-signed certificate).
 * </ul>
 *
 * The host allow-list ({@code SERVICENOW_ALLOWED_HOSTS}) is enforced by the client itself.
 */
public record RuntimeSettings(boolean allowHttp, String trustedCertificatesPem) {

  public static final String ALLOW_HTTP_ENV = "SERVICENOW_ALLOW_HTTP";
  public static final String ALLOW_HTTP_PROPERTY = "servicenow.allowHttp";
  public static final String TRUSTED_CERTIFICATES_ENV = "SERVICENOW_TRUSTED_CERTIFICATES";
  public static final String TRUSTED_CERTIFICATES_PROPERTY = "servicenow.trustedCertificates";

  public static RuntimeSettings defaults() {
    return new RuntimeSettings(false, null);
  }

  public static RuntimeSettings fromEnvironment() {
    return from(System::getenv, System::getProperty);
  }

  static RuntimeSettings from(Function<String, String> env, Function<String, String> properties) {
    String allowHttp = first(properties.apply(ALLOW_HTTP_PROPERTY), env.apply(ALLOW_HTTP_ENV));
    String pemPath =
        first(properties.apply(TRUSTED_CERTIFICATES_PROPERTY), env.apply(TRUSTED_CERTIFICATES_ENV));
    String pem = null;
    if (pemPath != null && !pemPath.isBlank()) {
      try {
        pem = Files.readString(Path.of(pemPath.trim()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read the trusted certificates file named by " + TRUSTED_CERTIFICATES_ENV + ": " + pemPath, e);
      }
    }
    return new RuntimeSettings(Boolean.parseBoolean(allowHttp == null ? "false" : allowHttp.trim()), pem);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
