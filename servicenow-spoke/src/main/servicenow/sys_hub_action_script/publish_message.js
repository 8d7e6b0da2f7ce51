(function execute(inputs, outputs) {
    // Flow Designer action "Publish Camunda Message" — script step. Buffered for time_to_live_ms,
    // so a callback that arrives before the process waits for it is still correlated.
    var result = new x_acme_camunda.CamundaClient().publishMessage({
        name: inputs.message_name,
        correlationKey: inputs.correlation_key,
        timeToLive: inputs.time_to_live_ms,
        messageId: inputs.message_id,
        variables: inputs.variables,
        tenantId: inputs.tenant_id
    });
    x_acme_camunda.CamundaActionOutputs.write(result, outputs);
    outputs.message_key = result.messageKey || '';
    x_acme_camunda.CamundaActionOutputs.failIfRequested(result, inputs.fail_on_error);
})(inputs, outputs);
