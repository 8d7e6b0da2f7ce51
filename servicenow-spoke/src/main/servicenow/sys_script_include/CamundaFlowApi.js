/*
 * CamundaFlowApi — the logic behind the companion Scripted REST API /api/x_acme_camunda/flow/v1
 * (contract: docs/flow-api.md). The three resource scripts only delegate here, so the
 * validation and error mapping live in one place.
 *
 * ES5 only (ServiceNow legacy engine). Errors are written with sn_ws_err.ServiceError so that the
 * platform renders its own envelope {"error":{"message","detail"},"status":"failure"}; successful
 * bodies go through response.setBody(object), which the platform wraps in {"result": …}.
 */
var CamundaFlowApi = Class.create();

CamundaFlowApi.NAME_PATTERN = /^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/;
CamundaFlowApi.SYS_ID_PATTERN = /^[0-9a-f]{32}$/;
CamundaFlowApi.TYPES = ['flow', 'subflow', 'action'];
CamundaFlowApi.TERMINAL_STATES = ['COMPLETE', 'ERROR', 'CANCELLED'];
CamundaFlowApi.MAX_TIMEOUT_MS = 300000;
CamundaFlowApi.DEFAULT_TIMEOUT_MS = 30000;
/*
 * FlowAPI signals a missing, inactive or unpublished flow only through its exception text; these
 * are the phrasings it uses for that case. Anything else is a start failure (500).
 */
CamundaFlowApi.NOT_FOUND_PATTERN = /(does not exist|doesn't exist|not found|unable to find|could not find|cannot find|no such|not active|inactive|not published|is not valid flow)/i;

CamundaFlowApi.prototype = {

    initialize: function () {
    },

    /* POST /start */
    start: function (request, response) {
        var parsed = this._readBody(request, true);
        if (parsed.error) {
            return this._badRequest(response, parsed.error);
        }
        var body = parsed.value;

        var type = body.type;
        if (type === undefined || type === null || type === '') {
            return this._badRequest(response, "'type' is required");
        }
        if (typeof type !== 'string' || CamundaFlowApi.TYPES.indexOf(type) < 0) {
            return this._badRequest(response, "'type' must be one of flow, subflow, action");
        }
        var name = body.name;
        if (name === undefined || name === null || name === '') {
            return this._badRequest(response, "'name' is required");
        }
        if (typeof name !== 'string' || !CamundaFlowApi.NAME_PATTERN.test(name)) {
            return this._badRequest(response,
                "'name' must be a scoped internal name like global.notify_team (pattern ^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$)");
        }
        var inputs = body.inputs;
        if (inputs === undefined || inputs === null) {
            inputs = {};
        } else if (typeof inputs !== 'object' || inputs instanceof Array) {
            return this._badRequest(response, "'inputs' must be a JSON object");
        }
        var mode = body.mode;
        if (mode === undefined || mode === null || mode === '') {
            mode = 'async';
        }
        if (mode !== 'async' && mode !== 'sync') {
            return this._badRequest(response, "'mode' must be one of async, sync");
        }
        var timeout = CamundaFlowApi.DEFAULT_TIMEOUT_MS;
        if (body.timeout !== undefined && body.timeout !== null) {
            var t = body.timeout;
            if (typeof t !== 'number' || t % 1 !== 0 || t < 1 || t > CamundaFlowApi.MAX_TIMEOUT_MS) {
                return this._badRequest(response, "'timeout' must be an integer between 1 and 300000");
            }
            timeout = t;
        }

        var result;
        try {
            var runner = sn_fd.FlowAPI.getRunner();
            if (type === 'flow') {
                runner = runner.flow(name);
            } else if (type === 'subflow') {
                runner = runner.subflow(name);
            } else {
                runner = runner.action(name);
            }
            if (mode === 'sync') {
                runner = runner.inForeground().timeout(timeout);
            } else {
                runner = runner.inBackground();
            }
            result = runner.withInputs(inputs).run();
        } catch (e) {
            var text = this._errorText(e);
            if (CamundaFlowApi.NOT_FOUND_PATTERN.test(text)) {
                return this._error(response, 404, 'Flow not found', "No active " + type + " named '" + name + "' was found");
            }
            return this._error(response, 500, 'Flow could not be started', text);
        }

        var contextId = this._string(result.getContextId());
        var out = {contextId: contextId, type: type, name: name, state: 'QUEUED', outputs: {}};
        if (mode === 'sync') {
            var status = this._status(contextId);
            out.state = status.state || 'IN_PROGRESS';
            if (out.state === 'COMPLETE') {
                out.outputs = this._plain(result.getOutputs()) || {};
            } else if (out.state === 'ERROR') {
                out.errorMessage = status.errorMessage;
            }
            response.setStatus(200);
        } else {
            response.setStatus(201);
        }
        response.setBody(out);
        return undefined;
    },

    /* GET /status/{contextId} */
    status: function (request, response) {
        var contextId = this._contextId(request, response);
        if (!contextId) {
            return undefined;
        }
        var status = this._status(contextId);
        if (status.notFound) {
            return this._contextNotFound(response, contextId);
        }
        var outputs = {};
        if (status.state === 'COMPLETE') {
            outputs = this._plain(sn_fd.FlowAPI.getOutputs(contextId)) || {};
        }
        response.setStatus(200);
        response.setBody({
            contextId: contextId,
            state: status.state,
            errorMessage: status.errorMessage,
            outputs: outputs,
            waitingOn: status.waitingOn
        });
        return undefined;
    },

    /* POST /cancel/{contextId} with optional body {"reason": "…"} */
    cancel: function (request, response) {
        var contextId = this._contextId(request, response);
        if (!contextId) {
            return undefined;
        }
        var parsed = this._readBody(request, false);
        if (parsed.error) {
            return this._badRequest(response, parsed.error);
        }
        var reason = parsed.value.reason;
        if (reason !== undefined && reason !== null && typeof reason !== 'string') {
            return this._badRequest(response, "'reason' must be a string");
        }
        reason = reason || 'Cancelled through the x_acme_camunda flow API';
        var status = this._status(contextId);
        if (status.notFound) {
            return this._contextNotFound(response, contextId);
        }
        if (CamundaFlowApi.TERMINAL_STATES.indexOf(status.state) >= 0) {
            return this._error(response, 409, 'Flow context already finished',
                'Context ' + contextId + ' is in state ' + status.state);
        }
        try {
            sn_fd.FlowAPI.cancel(contextId, reason);
        } catch (e) {
            return this._error(response, 500, 'Flow context could not be cancelled', this._errorText(e));
        }
        response.setStatus(200);
        response.setBody({contextId: contextId, state: 'CANCELLED'});
        return undefined;
    },

    // ---------------------------------------------------------------- helpers

    /*
     * Parses the request body ourselves from dataString: request.body.data throws an opaque
     * platform error on malformed JSON, and the contract promises a precise 400 instead.
     */
    _readBody: function (request, required) {
        var text = '';
        try {
            if (request.body && request.body.dataString !== undefined && request.body.dataString !== null) {
                text = String(request.body.dataString);
            }
        } catch (e) {
            text = '';
        }
        if (/^\s*$/.test(text)) {
            return required ? {error: 'Request body is not valid JSON'} : {value: {}};
        }
        var value;
        try {
            value = JSON.parse(text);
        } catch (e2) {
            return {error: 'Request body is not valid JSON'};
        }
        if (value === null || typeof value !== 'object' || value instanceof Array) {
            return {error: 'Request body must be a JSON object'};
        }
        return {value: value};
    },

    _contextId: function (request, response) {
        var id = request.pathParams ? request.pathParams.contextId : null;
        id = id === undefined || id === null ? '' : String(id);
        if (!CamundaFlowApi.SYS_ID_PATTERN.test(id)) {
            this._badRequest(response, "'contextId' must be a 32 character hexadecimal sys_id");
            return null;
        }
        return id;
    },

    /* FlowAPI.getStatus → {notFound, state, errorMessage, waitingOn}. */
    _status: function (contextId) {
        var raw;
        try {
            raw = sn_fd.FlowAPI.getStatus(contextId);
        } catch (e) {
            return {notFound: true};
        }
        if (!raw || raw.hasLookupError || !raw.contextStatus) {
            return {notFound: true};
        }
        var cs = raw.contextStatus;
        var state = this._string(cs.state);
        var message = this._string(raw.errorMessage) || this._string(cs.message);
        if (state === 'CANCELLED') {
            message = this._string(cs.canceledReason) || message;
        } else if (state !== 'ERROR') {
            message = '';
        }
        var waitingOn = [];
        if (cs.waitingOn) {
            waitingOn = this._plain(cs.waitingOn) || [];
        }
        return {notFound: false, state: state, errorMessage: message, waitingOn: waitingOn};
    },

    _contextNotFound: function (response, contextId) {
        return this._error(response, 404, 'Flow context not found',
            "No flow context with sys_id '" + contextId + "' exists (contexts are deleted 2 weeks after completion)");
    },

    _badRequest: function (response, detail) {
        return this._error(response, 400, 'Invalid request', detail);
    },

    _error: function (response, status, message, detail) {
        var err = new sn_ws_err.ServiceError();
        err.setStatus(status);
        err.setMessage(message);
        err.setDetail(detail);
        response.setError(err);
        return undefined;
    },

    _errorText: function (e) {
        if (e === null || e === undefined) {
            return 'unknown error';
        }
        if (e.message) {
            return String(e.message);
        }
        return String(e);
    },

    _string: function (v) {
        return v === null || v === undefined ? '' : String(v);
    },

    /*
     * FlowAPI hands back Java maps and GlideElements; a JSON round trip through the platform's
     * serialiser turns them into plain values the REST layer can render.
     */
    _plain: function (v) {
        if (v === null || v === undefined) {
            return null;
        }
        try {
            var text = JSON.stringify(v);
            return text === undefined ? null : JSON.parse(text);
        } catch (e) {
            return String(v);
        }
    },

    type: 'CamundaFlowApi'
};
