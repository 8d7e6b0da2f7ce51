(function process(/*RESTAPIRequest*/ request, /*RESTAPIResponse*/ response) {
    // GET /api/x_acme_camunda/flow/v1/status/{contextId} — contract in docs/flow-api.md
    return new x_acme_camunda.CamundaFlowApi().status(request, response);
})(request, response);
