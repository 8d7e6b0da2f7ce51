package com.acme.servicenow.connector.common;

import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the client's errors into what the connector runtime understands:
 *
 * <ul>
 *   <li>bad input → {@link ConnectorInputException} (no retries, an incident at once, nothing was
 *       sent);
 *   <li>retryable failures (429, 503 after the client's own retries, …) → {@link
 *       ConnectorRetryException} whose backoff is ServiceNow's {@code Retry-After} when known, so the
 *       engine waits instead of a runtime thread;
 *   <li>everything else → {@link ConnectorException} whose error code is the client's stable code
 *       and whose error variables carry HTTP status, ServiceNow's message and detail and the
 *       transaction id, for error expressions such as {@code error.code = "SERVICENOW_NOT_FOUND"}.
 * </ul>
 */
public final class ConnectorErrors {

  private ConnectorErrors() {}

  /** Runs a client call and converts its failures. */
  public static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (ServiceNowException e) {
      throw toConnectorException(e);
    }
  }

  public static RuntimeException toConnectorException(ServiceNowException e) {
    if (e instanceof ServiceNowInputException input) {
      return new ConnectorInputException(input.getMessage(), input);
    }
    if (e.retryable()) {
      var builder =
          ConnectorRetryException.builder().errorCode(e.code().code()).message(e.getMessage()).cause(e);
      e.suggestedWait().ifPresent(builder::backoffDuration);
      return builder.build();
    }
    return new ConnectorExceptionBuilder()
        .errorCode(e.code().code())
        .message(e.getMessage())
        .cause(e)
        .errorVariables(errorVariables(e))
        .build();
  }

  /** The variables an error expression sees as {@code error.variables}. */
  public static Map<String, Object> errorVariables(ServiceNowException e) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("code", e.code().code());
    variables.put("httpStatus", e.httpStatus());
    variables.put("serviceNowMessage", e.serviceNowMessage());
    variables.put("serviceNowDetail", e.serviceNowDetail());
    variables.put("transactionId", e.transactionId());
    variables.put("retryable", e.retryable());
    return variables;
  }

  /** A connector-level failure that did not come from ServiceNow (e.g. an ambiguous upsert). */
  public static ConnectorException failure(String code, String message, Map<String, Object> variables) {
    return new ConnectorExceptionBuilder()
        .errorCode(code)
        .message(message)
        .errorVariables(variables)
        .build();
  }
}
