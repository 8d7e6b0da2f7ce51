package com.acme.servicenow.harness;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Map;

/** A minimal connector whose behaviour each test steers through its input. */
@OutboundConnector(name = "Echo", type = "com.acme:echo:1", inputVariables = {"token", "mode", "operation"})
public class EchoFunction implements OutboundConnectorFunction {

  public record Operation(String type, Map<String, Object> payload, Integer limit) {}

  public record Request(@NotBlank String token, @NotBlank String mode, Operation operation) {}

  @Override
  public Object execute(OutboundConnectorContext context) {
    Request request = context.bindVariables(Request.class);
    return switch (request.mode()) {
      case "ok" ->
          Map.of(
              "sys_id", "abc",
              "tokenLength", request.token().length(),
              "operation", request.operation() == null ? Map.of() : request.operation(),
              "processInstanceKey", context.getJobContext().getProcessInstanceKey());
      case "notFound" ->
          throw new ConnectorExceptionBuilder()
              .errorCode("SERVICENOW_NOT_FOUND")
              .message("No Record found for token " + request.token())
              .errorVariables(Map.of("httpStatus", 404))
              .build();
      case "retry" ->
          throw ConnectorRetryException.builder()
              .errorCode("SERVICENOW_RATE_LIMITED")
              .message("Rate limit exceeded")
              .retries(5)
              .backoffDuration(Duration.ofSeconds(30))
              .build();
      default -> throw new IllegalStateException("unknown mode " + request.mode());
    };
  }
}
