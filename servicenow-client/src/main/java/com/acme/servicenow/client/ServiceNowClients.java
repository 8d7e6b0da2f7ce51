package com.acme.servicenow.client;

import com.acme.servicenow.client.http.HttpClientFactory;
import com.acme.servicenow.client.http.Transport;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * Process-wide cache of clients. The pooled HTTP client is shared per transport configuration (base URL,
 * timeouts, proxy, trust, pool size) — independent of the credentials, so jobs with different tokens
 * still share connections; the cheap {@link ServiceNowClient} wrappers are cached per (connection,
 * options) in a bounded LRU.
 */
public final class ServiceNowClients {

  /** Trust is keyed by content (certificate fingerprints), so equal trust stores share a pool. */
  private record PoolKey(
      URI baseUrl, Duration connect, Duration read, ServiceNowConnection.ProxyConfig proxy, String trust,
      int maxConnections) {}

  private record ClientKey(ServiceNowConnection connection, ClientOptions options) {}

  private static final int MAX_CLIENTS = 256;
  private static final ConcurrentHashMap<PoolKey, CloseableHttpClient> POOLS = new ConcurrentHashMap<>();
  private static final Map<ClientKey, ServiceNowClient> CLIENTS =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ClientKey, ServiceNowClient> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  private ServiceNowClients() {}

  public static ServiceNowClient get(ServiceNowConnection connection) {
    return get(connection, ClientOptions.defaults());
  }

  public static ServiceNowClient get(ServiceNowConnection connection, ClientOptions options) {
    ClientOptions o = options == null ? ClientOptions.defaults() : options;
    ClientKey key = new ClientKey(connection, o);
    synchronized (CLIENTS) {
      ServiceNowClient c = CLIENTS.get(key);
      if (c != null) {
        return c;
      }
    }
    PoolKey pk = new PoolKey(connection.baseUrl(), connection.connectTimeout(), connection.readTimeout(),
        connection.proxy(), trustKey(connection), o.maxConnections());
    CloseableHttpClient http = POOLS.computeIfAbsent(pk, k -> HttpClientFactory.create(connection, o.maxConnections()));
    ServiceNowClient created = new ServiceNowClient(new Transport(connection, o, http, false));
    synchronized (CLIENTS) {
      return CLIENTS.computeIfAbsent(key, k -> created);
    }
  }

  static String trustKey(ServiceNowConnection c) {
    if (c.trustedCertificatesPem() != null) {
      return "pem:" + c.trustedCertificatesPem().strip();
    }
    KeyStore ks = c.trustStore();
    if (ks == null) {
      return "default";
    }
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      for (String alias : java.util.Collections.list(ks.aliases()).stream().sorted().toList()) {
        java.security.cert.Certificate cert = ks.getCertificate(alias);
        if (cert != null) {
          md.update(cert.getEncoded());
        }
      }
      return "ks:" + java.util.HexFormat.of().formatHex(md.digest());
    } catch (Exception e) {
      throw new com.acme.servicenow.client.error.ServiceNowInputException("trustStore",
          "cannot be read: " + e.getClass().getSimpleName());
    }
  }

  /** Closes every shared pool and forgets all clients (runtime shutdown, tests). */
  public static void closeAll() {
    synchronized (CLIENTS) {
      CLIENTS.clear();
    }
    for (CloseableHttpClient c : POOLS.values()) {
      c.close(CloseMode.GRACEFUL);
    }
    POOLS.clear();
  }

  static int poolCount() {
    return POOLS.size();
  }

}
