(function execute(inputs, outputs) {
    // Flow Designer action "Send Camunda Signal" — script step.
    var result = new x_acme_camunda.CamundaClient().broadcastSignal({
        signalName: inputs.signal_name,
        variables: inputs.variables,
        tenantId: inputs.tenant_id
    });
    x_acme_camunda.CamundaActionOutputs.write(result, outputs);
    outputs.signal_key = result.signalKey || '';
    x_acme_camunda.CamundaActionOutputs.failIfRequested(result, inputs.fail_on_error);
})(inputs, outputs);
