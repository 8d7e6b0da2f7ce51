package com.acme.servicenow.client.http;

import com.acme.servicenow.client.ServiceNowConnection;
import com.acme.servicenow.client.error.ServiceNowInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** Builds the pooled Apache HttpClient for one connection configuration. */
public final class HttpClientFactory {

  private HttpClientFactory() {}

  public static CloseableHttpClient create(ServiceNowConnection c, int maxConnections) {
    PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(maxConnections)
        .setMaxConnPerRoute(maxConnections)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.ofMilliseconds(c.connectTimeout().toMillis()))
            .setSocketTimeout(Timeout.ofMilliseconds(c.readTimeout().toMillis()))
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .setTimeToLive(TimeValue.ofMinutes(5))
            .build());
    SSLContext ssl = sslContext(c);
    if (ssl != null) {
      cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl));
    }
    PoolingHttpClientConnectionManager manager = cm.build();
    var b = HttpClients.custom()
        .setConnectionManager(manager)
        // ServiceNow serialises requests per session cookie (reference A4.3): never share cookies
        .disableCookieManagement()
        // retries are ours (idempotency-aware); redirects would carry credentials to an SSO host
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableAuthCaching()
        .setUserAgent("acme-servicenow-client/0.1")
        .evictIdleConnections(TimeValue.ofSeconds(30))
        .evictExpiredConnections()
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.ofMilliseconds(c.readTimeout().toMillis()))
            .setConnectionRequestTimeout(Timeout.ofMilliseconds(c.connectTimeout().toMillis() + c.readTimeout().toMillis()))
            .setRedirectsEnabled(false)
            .build());
    if (c.proxy() != null) {
      b.setProxy(new HttpHost("http", c.proxy().host(), c.proxy().port()));
    }
    return b.build();
  }

  static SSLContext sslContext(ServiceNowConnection c) {
    try {
      KeyStore ks = c.trustStore();
      if (ks == null && c.trustedCertificatesPem() != null) {
        ks = fromPem(c.trustedCertificatesPem());
      }
      if (ks == null) {
        return null;
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (ServiceNowInputException e) {
      throw e;
    } catch (Exception e) {
      throw new ServiceNowInputException("trustStore", "cannot be used: " + e.getClass().getSimpleName());
    }
  }

  static KeyStore fromPem(String pem) {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      Collection<? extends Certificate> certs =
          cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certs.isEmpty()) {
        throw new ServiceNowInputException("trustedCertificatesPem", "contains no certificate");
      }
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate cert : certs) {
        ks.setCertificateEntry("trusted-" + i++, cert);
      }
      return ks;
    } catch (ServiceNowInputException e) {
      throw e;
    } catch (Exception e) {
      throw new ServiceNowInputException("trustedCertificatesPem", "is not valid PEM certificate text");
    }
  }

}
