package com.acme.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.support.WireMockBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status + body → stable error code, ServiceNow's message/detail and the transaction id. */
class ErrorMappingTest extends WireMockBase {

  private static final String PATH = "/api/now/table/incident/" + SYS_ID;

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "400|Invalid table foo|NULL|SERVICENOW_BAD_REQUEST|false",
      "400|Requested URI does not represent any resource|NULL|SERVICENOW_BAD_REQUEST|false",
      "401|User Not Authenticated|Required to provide Auth information|SERVICENOW_UNAUTHORIZED|false",
      "403|User Not Authorized|Failed API level ACL Validation|SERVICENOW_FORBIDDEN|false",
      "403|Operation Failed|ACL Exception Update Failed due to security constraints|SERVICENOW_FORBIDDEN|false",
      "403|Operation Failed|Data Policy Exception: The following fields are mandatory: Resolution code, Resolution notes|SERVICENOW_DATA_POLICY|false",
      "403|Operation Failed|Operation against file 'incident' was aborted by Business Rule 'x^abc'.|SERVICENOW_BUSINESS_RULE|false",
      "404|No Record found|Record doesn't exist or ACL restricts the record retrieval|SERVICENOW_NOT_FOUND|false",
      "405|Method not Supported|NULL|SERVICENOW_BAD_REQUEST|false",
      "409|Flow context already finished|Context is in state COMPLETE|SERVICENOW_CONFLICT|false",
      "415|Unsupported Media Type|NULL|SERVICENOW_BAD_REQUEST|false",
      "429|Rate limit exceeded|Rate limit of 100 requests per hour for Table API exceeded|SERVICENOW_RATE_LIMITED|true",
      "500|Internal Server Error|NULL|SERVICENOW_SERVER_ERROR|false",
      "500|Transaction cancelled: maximum execution time exceeded|NULL|SERVICENOW_TRANSACTION_CANCELLED|false",
      "502|Bad Gateway|NULL|SERVICENOW_SERVER_ERROR|false",
      "503|Service Unavailable|NULL|SERVICENOW_SERVER_ERROR|false",
      "504|Gateway Timeout|NULL|SERVICENOW_SERVER_ERROR|false",
      "418|I'm a teapot|NULL|SERVICENOW_BAD_REQUEST|false"})
  void statusAndEnvelopeMapToCode(int status, String message, String detail, ErrorCode code, boolean retryable) {
    // POST so that nothing but 429 is retried: one request, exact mapping visible
    wm.stubFor(post(urlPathEqualTo("/api/now/table/incident")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("X-Transaction-ID", "txn" + status)
        .withHeader("Retry-After", "999")
        .withBody(errorBody(message.replace("'", "\\'").replace("\\'", "'"), detail))));
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class,
        () -> client().table().create("incident", Map.of("a", "b"), null));
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.code().code()).isEqualTo(code.name());
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.serviceNowMessage()).isEqualTo(message);
    assertThat(e.serviceNowDetail()).isEqualTo(detail);
    assertThat(e.transactionId()).isEqualTo("txn" + status);
    assertThat(e.retryable()).isEqualTo(retryable);
    assertThat(e.getMessage()).contains("POST /api/now/table/incident", Integer.toString(status), message,
        "txn" + status);
  }

  @Test
  void nonJsonErrorBodyStillMaps() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403).withBody("Forbidden")));
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class,
        () -> client().table().get("incident", SYS_ID, null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_FORBIDDEN);
    assertThat(e.serviceNowMessage()).isNull();
  }

  @Test
  void htmlErrorPageIsNamedAsSuch() {
    wm.stubFor(delete(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
        .withBody("<html>not here</html>")));
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class,
        () -> client().table().delete("incident", SYS_ID));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
    assertThat(e.getMessage()).contains("HTML page");
  }

  @Test
  void successStatusWithErrorEnvelopeIsNotTakenForData() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(
        "{\"result\":{\"a\":\"1\"},\"error\":{\"message\":\"Transaction cancelled: maximum execution time exceeded\","
            + "\"detail\":null},\"status\":\"failure\"}")));
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class,
        () -> client().table().get("incident", SYS_ID, null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TRANSACTION_CANCELLED);
  }
}
