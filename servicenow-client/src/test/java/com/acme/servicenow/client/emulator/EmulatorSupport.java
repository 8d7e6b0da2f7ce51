package com.acme.servicenow.client.emulator;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.ServiceNowConnection;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.auth.TokenCache;
import com.acme.servicenow.client.http.RetryPolicy;
import com.acme.servicenow.client.support.MutableClock;
import com.acme.servicenow.client.support.RecordingSleeper;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import java.time.Duration;

/** A client against an emulator, with a fake clock and a recording sleeper. */
final class EmulatorSupport {

  final MutableClock clock = new MutableClock();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final TokenCache tokens = new TokenCache();

  ClientOptions options() {
    return ClientOptions.defaults().withClock(clock).withSleeper(sleeper).withTokenCache(tokens)
        .withRetryPolicy(new RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10), 0));
  }

  ServiceNowConnection.Builder connection(ServiceNowEmulator sn, Auth auth) {
    ServiceNowConnection.Builder b = ServiceNowConnection.builder().baseUrl(sn.baseUrl()).auth(auth)
        .readTimeout(Duration.ofSeconds(10));
    if (sn.isHttps()) {
      b.trustStore(sn.trustStore());
    } else {
      b.allowHttp(true);
    }
    return b;
  }

  ServiceNowClient client(ServiceNowEmulator sn, Auth auth) {
    return ServiceNowClient.create(connection(sn, auth).build(), options());
  }
}
