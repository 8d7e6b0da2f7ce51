package com.acme.servicenow.connector.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectorErrorsTest {

  @Test
  void inputErrorsBecomeConnectorInputExceptionsNamingTheField() {
    RuntimeException e = ConnectorErrors.toConnectorException(new ServiceNowInputException("table", "is not a valid table name"));
    assertThat(e).isInstanceOf(ConnectorInputException.class).hasMessageContaining("table");
  }

  @Test
  void retryableErrorsCarryTheServersWait() {
    var source =
        new ServiceNowException(ErrorCode.SERVICENOW_RATE_LIMITED, "Rate limit exceeded", 429,
            "Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded", "tx1",
            true, Duration.ofSeconds(90), null);
    var e = (ConnectorRetryException) ConnectorErrors.toConnectorException(source);
    assertThat(e.getErrorCode()).isEqualTo("SERVICENOW_RATE_LIMITED");
    assertThat(e.getBackoffDuration()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void otherErrorsCarryServiceNowsMessageAndDetailAsVariables() {
    var source =
        new ServiceNowException(ErrorCode.SERVICENOW_NOT_FOUND, "No Record found", 404, "No Record found",
            "Record doesn't exist or ACL restricts the record retrieval", "tx2", false, null, null);
    var e = (ConnectorException) ConnectorErrors.toConnectorException(source);
    assertThat(e).isNotInstanceOf(ConnectorRetryException.class);
    assertThat(e.getErrorCode()).isEqualTo("SERVICENOW_NOT_FOUND");
    assertThat(e.getErrorVariables())
        .containsEntry("httpStatus", 404)
        .containsEntry("serviceNowMessage", "No Record found")
        .containsEntry("serviceNowDetail", "Record doesn't exist or ACL restricts the record retrieval")
        .containsEntry("transactionId", "tx2");
  }
}
