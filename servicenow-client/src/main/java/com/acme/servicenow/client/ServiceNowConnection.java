package com.acme.servicenow.client;

import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ServiceNowInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where and how to reach one ServiceNow instance. Built with {@link #builder()}; validated on
 * construction. {@code toString()} masks every secret.
 *
 * @param baseUrl normalised base URL without trailing slash ({@code https://dev123.service-now.com})
 * @param instanceName the instance name when built from one, else null
 * @param allowHttp whether plain {@code http} is allowed (off by default: credentials travel with each request)
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout socket read timeout (ServiceNow's own quota is 60 s)
 * @param proxy optional HTTP proxy
 * @param trustStore optional custom trust store (replaces the JDK's trusted roots); standard
 *     verification otherwise; there is deliberately no trust-all switch
 * @param trustedCertificatesPem optional PEM text with one or more certificates to trust instead
 * @param auth how to authenticate
 */
public record ServiceNowConnection(
    URI baseUrl,
    String instanceName,
    boolean allowHttp,
    Duration connectTimeout,
    Duration readTimeout,
    ProxyConfig proxy,
    KeyStore trustStore,
    String trustedCertificatesPem,
    Auth auth) {

  private static final Pattern INSTANCE = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(70);

  /** An HTTP proxy. */
  public record ProxyConfig(String host, int port) {
    public ProxyConfig {
      if (host == null || host.isBlank() || !host.matches("^[A-Za-z0-9.\\-\\[\\]:]+$")) {
        throw new ServiceNowInputException("proxy.host", "is not a valid host name");
      }
      if (port < 1 || port > 65535) {
        throw new ServiceNowInputException("proxy.port", "must be between 1 and 65535");
      }
    }
  }

  public ServiceNowConnection {
    if (auth == null) {
      throw new ServiceNowInputException("auth", "an authentication method is required");
    }
    if (baseUrl == null) {
      throw new ServiceNowInputException("baseUrl", "an instance name or a base URL is required");
    }
    connectTimeout = positive("connectTimeout", connectTimeout, DEFAULT_CONNECT_TIMEOUT);
    readTimeout = positive("readTimeout", readTimeout, DEFAULT_READ_TIMEOUT);
    baseUrl = normaliseBaseUrl(baseUrl.toString(), allowHttp);
    if (trustedCertificatesPem != null && trustedCertificatesPem.isBlank()) {
      trustedCertificatesPem = null;
    }
    if (trustStore != null && trustedCertificatesPem != null) {
      throw new ServiceNowInputException("trustStore", "give either a trust store or PEM certificates, not both");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code https://{name}.service-now.com}. */
  public static ServiceNowConnection ofInstance(String instanceName, Auth auth) {
    return builder().instance(instanceName).auth(auth).build();
  }

  public static ServiceNowConnection ofBaseUrl(String baseUrl, Auth auth) {
    return builder().baseUrl(baseUrl).auth(auth).build();
  }

  /** The OAuth token endpoint: the auth's own token URL or {@code <baseUrl>/oauth_token.do}. */
  public URI tokenUrl() {
    String explicit =
        switch (auth) {
          case Auth.OAuthClientCredentials c -> c.tokenUrl();
          case Auth.OAuthPassword p -> p.tokenUrl();
          default -> null;
        };
    if (explicit == null) {
      return URI.create(baseUrl + "/oauth_token.do");
    }
    URI u;
    try {
      u = new URI(explicit);
    } catch (URISyntaxException e) {
      throw new ServiceNowInputException("auth.tokenUrl", "is not a valid URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || !(scheme.equals("https") || (allowHttp && scheme.equals("http")))) {
      throw new ServiceNowInputException(
          "auth.tokenUrl", "must be an absolute https URL" + (allowHttp ? " (or http)" : ""));
    }
    if (u.getRawUserInfo() != null || u.getRawFragment() != null) {
      throw new ServiceNowInputException("auth.tokenUrl", "must not contain user info or a fragment");
    }
    return u;
  }

  @Override
  public String toString() {
    return "ServiceNowConnection[baseUrl=" + baseUrl + ", allowHttp=" + allowHttp + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + ", proxy=" + proxy + ", trustStore="
        + (trustStore != null ? "custom" : trustedCertificatesPem != null ? "pem" : "default") + ", auth=" + auth + "]";
  }

  private static Duration positive(String field, Duration d, Duration dflt) {
    if (d == null) {
      return dflt;
    }
    if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(30)) > 0) {
      throw new ServiceNowInputException(field, "must be between 1 ms and 30 minutes");
    }
    return d;
  }

  static URI normaliseBaseUrl(String raw, boolean allowHttp) {
    String s = raw.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      throw new ServiceNowInputException("baseUrl", "is not a valid URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
      throw new ServiceNowInputException(
          "baseUrl",
          scheme.equals("http")
              ? "plain http is not allowed unless allowHttp is set (credentials would travel unencrypted)"
              : "must be an https URL");
    }
    if (u.getHost() == null || u.getHost().isEmpty()) {
      throw new ServiceNowInputException("baseUrl", "has no host");
    }
    if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new ServiceNowInputException("baseUrl", "must not contain user info, a query or a fragment");
    }
    if (u.getRawPath() != null && u.getRawPath().contains("/api/")) {
      throw new ServiceNowInputException(
          "baseUrl", "must be the instance root (e.g. https://dev123.service-now.com), without /api/...");
    }
    return URI.create(scheme + "://" + u.getRawAuthority().toLowerCase(Locale.ROOT)
        + (u.getRawPath() == null ? "" : u.getRawPath()));
  }

  /** Builder; either {@link #instance(String)} or {@link #baseUrl(String)} must be given. */
  public static final class Builder {
    private String instance;
    private String baseUrl;
    private boolean allowHttp;
    private Duration connectTimeout;
    private Duration readTimeout;
    private ProxyConfig proxy;
    private KeyStore trustStore;
    private String pem;
    private Auth auth;

    public Builder instance(String name) {
      this.instance = name;
      return this;
    }

    public Builder baseUrl(String url) {
      this.baseUrl = url;
      return this;
    }

    public Builder baseUrl(URI url) {
      this.baseUrl = url == null ? null : url.toString();
      return this;
    }

    public Builder allowHttp(boolean allow) {
      this.allowHttp = allow;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    public Builder readTimeout(Duration d) {
      this.readTimeout = d;
      return this;
    }

    public Builder proxy(String host, int port) {
      this.proxy = host == null ? null : new ProxyConfig(host, port);
      return this;
    }

    public Builder trustStore(KeyStore ks) {
      this.trustStore = ks;
      return this;
    }

    public Builder trustedCertificatesPem(String pem) {
      this.pem = pem;
      return this;
    }

    public Builder auth(Auth auth) {
      this.auth = auth;
      return this;
    }

    public ServiceNowConnection build() {
      boolean hasInstance = instance != null && !instance.isBlank();
      boolean hasUrl = baseUrl != null && !baseUrl.isBlank();
      if (hasInstance && hasUrl) {
        throw new ServiceNowInputException("instance", "give either an instance name or a base URL, not both");
      }
      URI url = null;
      String name = null;
      if (hasInstance) {
        name = instance.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".service-now.com")) {
          name = name.substring(0, name.length() - ".service-now.com".length());
        }
        if (!INSTANCE.matcher(name).matches()) {
          throw new ServiceNowInputException(
              "instance", "'" + name + "' is not a valid instance name (letters, digits and '-')");
        }
        url = URI.create("https://" + name + ".service-now.com");
      } else if (hasUrl) {
        url = normaliseBaseUrl(baseUrl, allowHttp);
      }
      return new ServiceNowConnection(url, name, allowHttp, connectTimeout, readTimeout, proxy, trustStore, pem, auth);
    }
  }
}
