package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.harness.JobOutcome;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails the job at once (retries 0, an incident) and sends nothing to ServiceNow. */
class InputValidationTest extends FlowConnectorTestSupport {

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("REST path outside /api/", rest(Map.of("path", "/now/flow")), "path"),
        Arguments.of("REST path with a query string", rest(Map.of("path", "/api/x/flow?a=b")), "path"),
        Arguments.of("REST path climbing out", rest(Map.of("path", "/api/x/../../oauth_token.do")), "path"),
        Arguments.of("REST method unknown", rest(Map.of("method", "TRACE")), "method"),
        Arguments.of("REST Authorization header", rest(Map.of("headers", Map.of("Authorization", "Basic eA=="))), "headers"),
        Arguments.of("REST header with a line break", rest(Map.of("headers", Map.of("X-A", "a\r\nX-B: b"))), "headers"),
        Arguments.of("REST body with GET", rest(Map.of("method", "GET", "body", Map.of("a", 1))), "body"),
        Arguments.of("REST wait timeout 0", rest(Map.of("waitForCompletion", true, "waitTimeoutSeconds", 0)), "waitTimeoutSeconds"),
        Arguments.of("start without name", start(Map.of("name", "")), "name"),
        Arguments.of("start unscoped name", start(Map.of("name", "notify_team")), "name"),
        Arguments.of("start name with a query", start(Map.of("name", "global.x&sysparm_query=1")), "name"),
        Arguments.of("start unknown type", start(Map.of("flowType", "datastream")), "flowType"),
        Arguments.of("start bad input name", start(Map.of("inputs", Map.of("bad name", 1))), "inputs"),
        Arguments.of("start wait timeout too long", start(Map.of("waitForCompletion", true, "waitTimeoutSeconds", 3601)), "waitTimeoutSeconds"),
        Arguments.of("order bad item sys_id", order(Map.of("itemSysId", "laptop")), "itemSysId"),
        Arguments.of("order quantity 0", order(Map.of("quantity", 0)), "quantity"),
        Arguments.of("order bad variable name", order(Map.of("variables", Map.of("a^b", "x"))), "variables"),
        Arguments.of("order bad requested for", order(Map.of("requestedFor", "abel.tuter")), "requestedFor"),
        Arguments.of("status without context id", status(Map.of("source", "flowApi")), "contextId"),
        Arguments.of("status bad context id", status(Map.of("source", "table", "contextId", "1234")), "contextId"),
        Arguments.of("status without execution id", status(Map.of("source", "executionId")), "executionId"),
        Arguments.of("status unknown source", status(Map.of("source", "cmdb", "contextId", "0".repeat(32))), "source"),
        Arguments.of("no operation type", Map.of("name", "global.x"), "operation"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputFailsWithoutRetriesAndWithoutRequests(String name, Map<String, Object> operation, String field) {
    JobOutcome.Failed failed = run(job(operation).build()).asFailed();

    assertThat(failed.retries()).as(failed.errorMessage()).isZero();
    assertThat(failed.errorMessage()).contains(field);
    assertThat(emulator().journal().all()).as("requests sent").isEmpty();
  }

  private static Map<String, Object> rest(Map<String, Object> overrides) {
    Map<String, Object> op = new HashMap<>(Map.of("type", "callRestTrigger", "path", "/api/x_acme/provision", "method", "POST"));
    op.putAll(overrides);
    return op;
  }

  private static Map<String, Object> start(Map<String, Object> overrides) {
    Map<String, Object> op = new HashMap<>(Map.of("type", "startFlow", "flowType", "flow", "name", "global.notify_team"));
    op.putAll(overrides);
    return op;
  }

  private static Map<String, Object> order(Map<String, Object> overrides) {
    Map<String, Object> op = new HashMap<>(Map.of("type", "orderCatalogItem", "itemSysId", "04b7e94b4f7b4200086eeed18110c7fd"));
    op.putAll(overrides);
    return op;
  }

  private static Map<String, Object> status(Map<String, Object> overrides) {
    Map<String, Object> op = new HashMap<>(Map.of("type", "getStatus"));
    op.putAll(overrides);
    return op;
  }
}
