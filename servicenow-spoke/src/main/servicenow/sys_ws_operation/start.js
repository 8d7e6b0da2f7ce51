(function process(/*RESTAPIRequest*/ request, /*RESTAPIResponse*/ response) {
    // POST /api/x_acme_camunda/flow/v1/start — contract in docs/flow-api.md
    return new x_acme_camunda.CamundaFlowApi().start(request, response);
})(request, response);
