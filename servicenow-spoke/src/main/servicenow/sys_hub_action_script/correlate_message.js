(function execute(inputs, outputs) {
    // Flow Designer action "Correlate Camunda Message" — script step. Not buffered: Camunda answers
    // 404 when no process waits; prefer "Publish Camunda Message" for callbacks.
    var result = new x_acme_camunda.CamundaClient().correlateMessage({
        name: inputs.message_name,
        correlationKey: inputs.correlation_key,
        variables: inputs.variables,
        tenantId: inputs.tenant_id
    });
    x_acme_camunda.CamundaActionOutputs.write(result, outputs);
    outputs.message_key = result.messageKey || '';
    outputs.process_instance_key = result.processInstanceKey || '';
    x_acme_camunda.CamundaActionOutputs.failIfRequested(result, inputs.fail_on_error);
})(inputs, outputs);
