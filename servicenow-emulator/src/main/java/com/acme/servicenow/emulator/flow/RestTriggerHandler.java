package com.acme.servicenow.emulator.flow;

import com.acme.servicenow.emulator.FlowDefinition;
import com.acme.servicenow.emulator.http.ApiException;
import com.acme.servicenow.emulator.http.ApiHandler;
import com.acme.servicenow.emulator.http.ApiRequest;
import com.acme.servicenow.emulator.http.ApiResponse;
import com.acme.servicenow.emulator.http.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * IntegrationHub "REST API – Asynchronous" triggers (reference A5.1): one endpoint per flow; answers
 * {@code {"result":{"executionId":"…"}}} at once; the context carries the execution id in {@code execution_id}.
 */
public final class RestTriggerHandler implements ApiHandler {

  private final FlowEngine engine;

  public RestTriggerHandler(FlowEngine engine) {
    this.engine = engine;
  }

  private Optional<FlowDefinition> match(String path) {
    return engine.definitions().stream()
        .filter(d -> d.triggerPath() != null)
        .filter(d -> path.equals(d.triggerPath()) || path.startsWith(d.triggerPath() + "/"))
        .findFirst();
  }

  @Override
  public boolean handles(String path) {
    return match(path).isPresent();
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    FlowDefinition def = match(request.path()).orElseThrow(ApiException::invalidUri);
    if (!def.triggerMethod().equals(request.method())) {
      throw new ApiException(405, "Method not Supported", request.method() + " method not supported for API");
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    if (request.body().length > 0) {
      try {
        JsonNode node = Json.read(request.body());
        if (node != null && node.isObject()) {
          inputs = Json.MAPPER.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
        }
      } catch (IOException e) {
        throw ApiException.invalidJson();
      }
    }
    String rest = request.path().substring(def.triggerPath().length());
    if (rest.length() > 1) {
      inputs.put("path_params", rest.substring(1));
    }
    String executionId = FlowEngine.newExecutionId();
    try {
      engine.start(def, inputs, request.principal(), Duration.ZERO, executionId, "REST API Trigger");
    } catch (FlowEngine.StartException e) {
      throw new ApiException(500, "Flow could not be started", e.getMessage());
    }
    return ApiResponse.result(200, Map.of("executionId", executionId));
  }
}
