(function execute(inputs, outputs) {
    // Flow Designer action "Start Camunda Process" — script step. Inputs and outputs: docs/servicenow-app.md
    var result = new x_acme_camunda.CamundaClient().createProcessInstance({
        processDefinitionId: inputs.process_definition_id,
        processDefinitionKey: inputs.process_definition_key,
        processDefinitionVersion: inputs.process_definition_version,
        variables: inputs.variables,
        tenantId: inputs.tenant_id,
        operationReference: inputs.operation_reference,
        awaitCompletion: inputs.await_completion,
        fetchVariables: inputs.fetch_variables,
        requestTimeout: inputs.request_timeout_ms
    });
    x_acme_camunda.CamundaActionOutputs.write(result, outputs);
    outputs.process_instance_key = result.processInstanceKey || '';
    outputs.process_definition_key = result.processDefinitionKey || '';
    outputs.process_definition_version = result.processDefinitionVersion === undefined ? '' : String(result.processDefinitionVersion);
    outputs.variables = result.success ? JSON.stringify(result.variables || {}) : '';
    x_acme_camunda.CamundaActionOutputs.failIfRequested(result, inputs.fail_on_error);
})(inputs, outputs);
