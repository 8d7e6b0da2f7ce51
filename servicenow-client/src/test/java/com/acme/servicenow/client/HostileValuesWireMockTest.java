package com.acme.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.support.HostileCorpus;
import com.acme.servicenow.client.support.WireMockBase;
import org.junit.jupiter.api.Test;

/** At least 30 injection attempts: each a clear INVALID_INPUT error, and not one request on the wire. */
class HostileValuesWireMockTest extends WireMockBase {

  @Test
  void everyAttemptIsRejectedBeforeAnyRequest() {
    ServiceNowClient c = client();
    assertThat(HostileCorpus.all()).hasSizeGreaterThanOrEqualTo(30);
    for (HostileCorpus.Attempt a : HostileCorpus.all()) {
      assertThatThrownBy(() -> a.call().accept(c))
          .as(a.name())
          .isInstanceOfSatisfying(ServiceNowInputException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.field()).isNotBlank();
            assertThat(e.getMessage()).startsWith("Invalid input '");
            assertThat(e.retryable()).isFalse();
          });
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
