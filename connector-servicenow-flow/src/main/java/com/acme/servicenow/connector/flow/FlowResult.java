package com.acme.servicenow.connector.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the connector returns (the {@code response} of result expressions). Absent values are left
 * out rather than written as null, so {@code is defined(response.outputs)} tells whether outputs
 * were available.
 */
public sealed interface FlowResult {

  /**
   * A REST-triggered flow was called.
   *
   * @param executionId the trigger's {@code executionId}
   * @param httpStatus status of the trigger call
   * @param response the trigger's whole JSON answer ({@code {"result":{"executionId":…}}} for standard triggers)
   * @param contextId sys_id of the flow context (only when waited)
   * @param state final state (only when waited): COMPLETE
   * @param started {@code started} of the context (only when waited)
   * @param ended {@code ended} of the context (only when waited)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RestTriggerCalled(
      String executionId, int httpStatus, Object response, String contextId, String state, String started, String ended)
      implements FlowResult {}

  /**
   * A flow, subflow or action was started through the flow API.
   *
   * @param contextId sys_id of the flow context
   * @param type flow, subflow or action
   * @param name scoped name
   * @param state QUEUED (not waited) or COMPLETE (waited)
   * @param outputs the outputs when waited and COMPLETE
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FlowStarted(String contextId, String type, String name, String state, Map<String, Object> outputs)
      implements FlowResult {}

  /**
   * A catalog item was ordered.
   *
   * @param requestSysId sys_id of the sc_request
   * @param requestNumber its number (REQ…)
   * @param requestItems the sc_req_item rows of the request
   * @param requestItemsError why the items could not be read (the order itself succeeded), else absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CatalogItemOrdered(
      String requestSysId, String requestNumber, List<RequestItem> requestItems, String requestItemsError)
      implements FlowResult {}

  /**
   * One requested item.
   *
   * @param sysId sys_id of the sc_req_item
   * @param number RITM number
   * @param catalogItem sys_id of the sc_cat_item
   * @param quantity quantity as ServiceNow stores it
   * @param stage fulfilment stage (e.g. request_approved)
   * @param state state value
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RequestItem(String sysId, String number, String catalogItem, String quantity, String stage, String state) {}

  /**
   * Status of a flow context.
   *
   * @param contextId sys_id of the flow context (absent when looked up by an execution id that has no context yet)
   * @param executionId the REST trigger's execution id, when looked up by it
   * @param state QUEUED, IN_PROGRESS, WAITING, COMPLETE, ERROR, CANCELLED (or what ServiceNow sent)
   * @param finished whether the state is terminal
   * @param errorMessage flow error (ERROR) or cancel reason (CANCELLED)
   * @param outputs outputs when COMPLETE and read through the flow API
   * @param waitingOn what a WAITING flow waits for (flow API)
   * @param started {@code started} (sys_flow_context)
   * @param ended {@code ended} (sys_flow_context)
   * @param source flowApi, table or executionId
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FlowStatusResult(
      String contextId,
      String executionId,
      String state,
      boolean finished,
      String errorMessage,
      Map<String, Object> outputs,
      List<Object> waitingOn,
      String started,
      String ended,
      String source)
      implements FlowResult {}
}
