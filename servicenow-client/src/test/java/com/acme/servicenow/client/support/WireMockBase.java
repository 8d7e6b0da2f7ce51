package com.acme.servicenow.client.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.ServiceNowConnection;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.auth.TokenCache;
import com.acme.servicenow.client.http.RetryPolicy;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WireMock on a random port plus a client with a fake clock and a recording sleeper. */
public abstract class WireMockBase {

  @RegisterExtension
  protected static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  protected static final String SYS_ID = "0123456789abcdef0123456789abcdef";
  protected final MutableClock clock = new MutableClock();
  protected final RecordingSleeper sleeper = new RecordingSleeper(clock);
  protected final TokenCache tokens = new TokenCache();
  private final List<ServiceNowClient> clients = new ArrayList<>();

  protected RetryPolicy retryPolicy() {
    return new RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10), 0);
  }

  protected ClientOptions options() {
    return ClientOptions.defaults().withClock(clock).withSleeper(sleeper).withTokenCache(tokens)
        .withRetryPolicy(retryPolicy());
  }

  protected ServiceNowConnection.Builder connection(Auth auth) {
    return ServiceNowConnection.builder().baseUrl(wm.baseUrl()).allowHttp(true).auth(auth)
        .readTimeout(Duration.ofSeconds(5));
  }

  protected ServiceNowClient client(Auth auth) {
    return client(connection(auth).build());
  }

  protected ServiceNowClient client(ServiceNowConnection c) {
    ServiceNowClient client = ServiceNowClient.create(c, options());
    clients.add(client);
    return client;
  }

  protected ServiceNowClient client() {
    return client(Auth.basic("admin", "secret"));
  }

  @AfterEach
  void closeClients() {
    clients.forEach(ServiceNowClient::close);
  }

  protected static String errorBody(String message, String detail) {
    return "{\"error\":{\"message\":\"" + message + "\",\"detail\":" + (detail == null ? "null" : "\"" + detail + "\"")
        + "},\"status\":\"failure\"}";
  }
}
