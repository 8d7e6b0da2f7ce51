(function execute(inputs, outputs) {
    // Flow Designer action "Cancel Camunda Process" — script step.
    var result = new x_acme_camunda.CamundaClient().cancelProcessInstance({
        processInstanceKey: inputs.process_instance_key,
        operationReference: inputs.operation_reference
    });
    x_acme_camunda.CamundaActionOutputs.write(result, outputs);
    x_acme_camunda.CamundaActionOutputs.failIfRequested(result, inputs.fail_on_error);
})(inputs, outputs);
