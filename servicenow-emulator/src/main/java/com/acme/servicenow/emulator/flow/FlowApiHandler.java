package com.acme.servicenow.emulator.flow;

import com.acme.servicenow.emulator.FlowDefinition;
import com.acme.servicenow.emulator.FlowType;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.http.ApiException;
import com.acme.servicenow.emulator.http.ApiHandler;
import com.acme.servicenow.emulator.http.ApiRequest;
import com.acme.servicenow.emulator.http.ApiResponse;
import com.acme.servicenow.emulator.http.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The companion app's Scripted REST API {@code /api/x_acme_camunda/flow/v1} exactly as {@code docs/flow-api.md}
 * specifies it (and as {@code servicenow-spoke}'s CamundaFlowApi implements it): start, status, cancel.
 */
public final class FlowApiHandler implements ApiHandler {

  public static final String BASE = "/api/x_acme_camunda/flow/v1";
  /** Pseudo table whose {@code tableAccess} rules grant or deny the flow API. */
  public static final String ACL_TABLE = "x_acme_camunda_flow";
  private static final Pattern PATH = Pattern.compile("^" + Pattern.quote(BASE) + "/(start|status|cancel)(?:/([^/]*))?/?$");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$");
  private static final Pattern SYS_ID = Pattern.compile("^[0-9a-f]{32}$");
  private static final int DEFAULT_TIMEOUT_MS = 30000;
  private static final int MAX_TIMEOUT_MS = 300000;

  private final EmulatorContext ctx;
  private final FlowEngine engine;

  public FlowApiHandler(EmulatorContext ctx, FlowEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  @Override
  public boolean handles(String path) {
    return path.startsWith(BASE + "/") || path.equals(BASE);
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    Matcher m = PATH.matcher(request.path());
    if (!m.matches()) {
      throw ApiException.invalidUri();
    }
    String op = m.group(1);
    String id = m.group(2);
    boolean write = !op.equals("status");
    if (!ctx.access.canRead(request.principal(), ACL_TABLE)
        || (write && !ctx.access.canWrite(request.principal(), ACL_TABLE))) {
      throw new ApiException(403, "User Not Authorized", "Failed API level ACL Validation");
    }
    String expected = op.equals("status") ? "GET" : "POST";
    if (!request.method().equals(expected) || (op.equals("start") && id != null)) {
      throw new ApiException(405, "Method not Supported", request.method() + " method not supported for API");
    }
    return switch (op) {
      case "start" -> start(request);
      case "status" -> status(contextId(id));
      default -> cancel(request, contextId(id));
    };
  }

  private static ApiException badRequest(String detail) {
    return new ApiException(400, "Invalid request", detail);
  }

  private static JsonNode body(ApiRequest request, boolean required) {
    String text = new String(request.body(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      if (required) {
        throw badRequest("Request body is not valid JSON");
      }
      return Json.MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = Json.read(request.body());
    } catch (IOException e) {
      throw badRequest("Request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw badRequest("Request body must be a JSON object");
    }
    return node;
  }

  private ApiResponse start(ApiRequest request) {
    JsonNode body = body(request, true);
    JsonNode typeNode = body.get("type");
    if (typeNode == null || typeNode.isNull() || (typeNode.isTextual() && typeNode.asText().isEmpty())) {
      throw badRequest("'type' is required");
    }
    FlowType type = switch (typeNode.isTextual() ? typeNode.asText() : "") {
      case "flow" -> FlowType.FLOW;
      case "subflow" -> FlowType.SUBFLOW;
      case "action" -> FlowType.ACTION;
      default -> throw badRequest("'type' must be one of flow, subflow, action");
    };
    JsonNode nameNode = body.get("name");
    if (nameNode == null || nameNode.isNull() || (nameNode.isTextual() && nameNode.asText().isEmpty())) {
      throw badRequest("'name' is required");
    }
    if (!nameNode.isTextual() || !NAME.matcher(nameNode.asText()).matches()) {
      throw badRequest("'name' must be a scoped internal name like global.notify_team (pattern "
          + "^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$)");
    }
    String name = nameNode.asText();
    JsonNode inputsNode = body.get("inputs");
    Map<String, Object> inputs = new LinkedHashMap<>();
    if (inputsNode != null && !inputsNode.isNull()) {
      if (!inputsNode.isObject()) {
        throw badRequest("'inputs' must be a JSON object");
      }
      inputs = Json.MAPPER.convertValue(inputsNode, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
    JsonNode modeNode = body.get("mode");
    String mode = modeNode == null || modeNode.isNull() || (modeNode.isTextual() && modeNode.asText().isEmpty())
        ? "async" : modeNode.isTextual() ? modeNode.asText() : "?";
    if (!mode.equals("async") && !mode.equals("sync")) {
      throw badRequest("'mode' must be one of async, sync");
    }
    int timeout = DEFAULT_TIMEOUT_MS;
    JsonNode t = body.get("timeout");
    if (t != null && !t.isNull()) {
      if (!t.isNumber() || (!t.isIntegralNumber() && t.asDouble() % 1 != 0) || t.asDouble() < 1
          || t.asDouble() > MAX_TIMEOUT_MS) {
        throw badRequest("'timeout' must be an integer between 1 and 300000");
      }
      timeout = t.asInt();
    }

    Optional<FlowDefinition> def = engine.find(type, name);
    if (def.isEmpty()) {
      throw new ApiException(404, "Flow not found", "No active " + type.apiName() + " named '" + name + "' was found");
    }
    boolean sync = mode.equals("sync");
    Duration alreadyRan = Duration.ZERO;
    if (sync) {
      // inForeground().run() returns when the flow ends or the timeout passes: that time has been spent
      Duration limit = Duration.ofMillis(timeout);
      FlowDefinition d = def.get();
      boolean finite = d.outcome() == FlowDefinition.Outcome.COMPLETE || d.outcome() == FlowDefinition.Outcome.ERROR;
      alreadyRan = finite && d.runTime().compareTo(limit) <= 0 ? d.runTime() : limit;
    }
    String contextId;
    try {
      contextId = engine.start(def.get(), inputs, request.principal(), alreadyRan, null, "Scripted REST API");
    } catch (FlowEngine.StartException e) {
      throw new ApiException(500, "Flow could not be started", e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("contextId", contextId);
    out.put("type", type.apiName());
    out.put("name", name);
    out.put("state", "QUEUED");
    out.put("outputs", Map.of());
    if (!sync) {
      return ApiResponse.result(201, out);
    }
    FlowEngine.Status status = engine.status(contextId).orElseThrow();
    out.put("state", status.state());
    if (status.state().equals("COMPLETE")) {
      out.put("outputs", status.outputs());
    } else if (status.state().equals("ERROR")) {
      out.put("errorMessage", status.errorMessage());
    }
    return ApiResponse.result(200, out);
  }

  private static String contextId(String id) {
    if (id == null || !SYS_ID.matcher(id).matches()) {
      throw badRequest("'contextId' must be a 32 character hexadecimal sys_id");
    }
    return id;
  }

  private static ApiException contextNotFound(String id) {
    return new ApiException(404, "Flow context not found",
        "No flow context with sys_id '" + id + "' exists (contexts are deleted 2 weeks after completion)");
  }

  private ApiResponse status(String id) {
    FlowEngine.Status s = engine.status(id).orElseThrow(() -> contextNotFound(id));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("contextId", id);
    out.put("state", s.state());
    out.put("errorMessage", s.errorMessage());
    out.put("outputs", s.state().equals("COMPLETE") ? s.outputs() : Map.of());
    out.put("waitingOn", s.waitingOn());
    return ApiResponse.result(200, out);
  }

  private ApiResponse cancel(ApiRequest request, String id) {
    JsonNode body = body(request, false);
    JsonNode reasonNode = body.get("reason");
    if (reasonNode != null && !reasonNode.isNull() && !reasonNode.isTextual()) {
      throw badRequest("'reason' must be a string");
    }
    String reason = reasonNode == null || reasonNode.isNull() || reasonNode.asText().isEmpty()
        ? "Cancelled through the x_acme_camunda flow API" : reasonNode.asText();
    FlowEngine.Status current = engine.status(id).orElseThrow(() -> contextNotFound(id));
    if (current.isTerminal()) {
      throw new ApiException(409, "Flow context already finished", "Context " + id + " is in state " + current.state());
    }
    engine.cancel(id, reason);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("contextId", id);
    out.put("state", "CANCELLED");
    return ApiResponse.result(200, out);
  }
}
