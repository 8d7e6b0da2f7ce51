/*
 * CamundaActionOutputs — maps a CamundaClient result onto the outputs every Camunda action shares:
 *   success (True/False), status (integer HTTP status, 0 = no HTTP response), error_message,
 *   error_detail, error_type and response_body (JSON text).
 * ES5 only (ServiceNow legacy engine).
 */
var CamundaActionOutputs = Class.create();

CamundaActionOutputs.write = function (result, outputs) {
    outputs.success = result.success === true;
    outputs.status = result.status || 0;
    outputs.error_message = result.success ? '' : String(result.message || '');
    outputs.error_detail = result.success ? '' : String(result.detail || '');
    outputs.error_type = result.success ? '' : String(result.errorType || '');
    var body = result.body;
    if (body === null || body === undefined) {
        outputs.response_body = '';
    } else if (typeof body === 'string') {
        outputs.response_body = body;
    } else {
        outputs.response_body = JSON.stringify(body);
    }
};

/*
 * With fail_on_error the action ends in error (the flow's error handler runs) after the outputs
 * were written; without it the flow branches on the success output itself.
 */
CamundaActionOutputs.failIfRequested = function (result, failOnError) {
    var fail = failOnError === true || String(failOnError) === 'true';
    if (fail && !result.success) {
        throw new Error('Camunda call failed (' + result.status + '): ' + result.message
            + (result.detail ? ' — ' + result.detail : ''));
    }
};

CamundaActionOutputs.prototype = {
    initialize: function () {
    },
    type: 'CamundaActionOutputs'
};
