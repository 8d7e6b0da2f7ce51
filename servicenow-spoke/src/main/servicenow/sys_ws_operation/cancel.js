(function process(/*RESTAPIRequest*/ request, /*RESTAPIResponse*/ response) {
    // POST /api/x_acme_camunda/flow/v1/cancel/{contextId} — contract in docs/flow-api.md
    return new x_acme_camunda.CamundaFlowApi().cancel(request, response);
})(request, response);
