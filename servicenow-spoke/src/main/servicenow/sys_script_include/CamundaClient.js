/*
 * CamundaClient — calls the Camunda 8.8 Orchestration Cluster REST API (v2) from ServiceNow.
 *
 * Scoped script include of the x_acme_camunda app. ES5 only: it must run on ServiceNow's legacy
 * (Rhino) engine, so no let/const, arrow functions, template literals or method shorthand.
 *
 * Every operation returns a structured result and never throws for Camunda or transport errors:
 *   {success: boolean, status: number (HTTP status, 0 = no HTTP response), message: string,
 *    detail: string, body: parsed JSON body or raw text or null, errorType: string}
 * Camunda errors are RFC 7807 problem documents {type, title, status, detail, instance}; their
 * title becomes `message` and their detail `detail`, so a flow can branch on them.
 *
 * Settings come from system properties x_acme_camunda.* (see the update set) — never literals —
 * optionally overridden per call site through the constructor (tests, multi-cluster set-ups).
 */
var CamundaClient = Class.create();

/*
 * Token cache shared by all instances evaluated in the same script scope, keyed by everything that
 * identifies an OAuth client (token URL, client id, audience, scope). Calls made in one
 * transaction therefore fetch one token, not one per call. Entries expire
 * x_acme_camunda.oauth.expiry_margin_seconds before the token does.
 * ServiceNow gives each transaction a fresh script scope, so this cache alone does not outlive
 * the transaction; with x_acme_camunda.oauth.scoped_cache naming a Scoped Cache
 * (sys_scoped_cache) the token is also kept there, in memory across transactions.
 */
CamundaClient.tokenCache = {};

/* Clock used for token expiry; replaceable so that expiry can be tested without sleeping. */
CamundaClient.now = function () {
    return new Date().getTime();
};

CamundaClient.PROPERTY_PREFIX = 'x_acme_camunda.';

CamundaClient.prototype = {

    /*
     * overrides: optional object with any of the configuration keys below; a missing key falls
     * back to the system property x_acme_camunda.<key>.
     *   base_url, auth_type (oauth | basic | none), oauth.token_url, oauth.audience, oauth.scope,
     *   oauth.client_id, oauth.client_secret, oauth.expiry_margin_seconds, oauth.scoped_cache, basic.username,
     *   basic.password, connection_alias, http_timeout_ms, default_tenant_id, mid_server
     */
    initialize: function (overrides) {
        this.overrides = overrides || {};
        this.config = this._loadConfig();
    },

    /*
     * Starts a process instance: POST /v2/process-instances.
     * req: {processDefinitionId | processDefinitionKey, processDefinitionVersion, variables,
     *       tenantId, operationReference, awaitCompletion, fetchVariables, requestTimeout}
     * On success the result also carries processInstanceKey, processDefinitionKey,
     * processDefinitionId, processDefinitionVersion, tenantId and (awaitCompletion) variables.
     */
    createProcessInstance: function (req) {
        req = req || {};
        var body = {};
        var id = this._text(req.processDefinitionId);
        var key = this._text(req.processDefinitionKey);
        if (!id && !key) {
            return this._invalid("Either 'processDefinitionId' or 'processDefinitionKey' is required");
        }
        if (id && key) {
            return this._invalid("Give either 'processDefinitionId' or 'processDefinitionKey', not both");
        }
        if (id) {
            body.processDefinitionId = id;
            var version = this._optionalInt(req.processDefinitionVersion);
            if (version === false) {
                return this._invalid("'processDefinitionVersion' must be an integer");
            }
            if (version !== null) {
                body.processDefinitionVersion = version;
            }
        } else {
            body.processDefinitionKey = key;
        }
        if (!this._putVariables(body, req.variables)) {
            return this._invalid("'variables' must be a JSON object");
        }
        this._putTenant(body, req.tenantId);
        var opRef = this._optionalInt(req.operationReference);
        if (opRef === false || (opRef !== null && opRef < 1)) {
            return this._invalid("'operationReference' must be a positive integer");
        }
        if (opRef !== null) {
            body.operationReference = opRef;
        }
        if (this._bool(req.awaitCompletion)) {
            body.awaitCompletion = true;
            var fetch = this._list(req.fetchVariables);
            if (fetch.length > 0) {
                body.fetchVariables = fetch;
            }
            var timeout = this._optionalInt(req.requestTimeout);
            if (timeout === false || (timeout !== null && timeout < 0)) {
                return this._invalid("'requestTimeout' must be a non-negative number of milliseconds");
            }
            if (timeout !== null) {
                body.requestTimeout = timeout;
            }
        }
        var result = this._call('POST', '/v2/process-instances', body);
        if (result.success && result.body && typeof result.body === 'object') {
            result.processInstanceKey = this._keyText(result.body.processInstanceKey);
            result.processDefinitionKey = this._keyText(result.body.processDefinitionKey);
            result.processDefinitionId = this._text(result.body.processDefinitionId);
            result.processDefinitionVersion = result.body.processDefinitionVersion;
            result.tenantId = this._text(result.body.tenantId);
            result.variables = result.body.variables || {};
        }
        return result;
    },

    /*
     * Correlates a message to a waiting subscription: POST /v2/messages/correlation.
     * Not buffered — Camunda answers 404 when nothing waits; use publishMessage for callbacks.
     * req: {name, correlationKey, variables, tenantId}
     */
    correlateMessage: function (req) {
        req = req || {};
        var name = this._text(req.name);
        if (!name) {
            return this._invalid("'name' is required");
        }
        var body = {name: name, correlationKey: this._text(req.correlationKey)};
        if (!this._putVariables(body, req.variables)) {
            return this._invalid("'variables' must be a JSON object");
        }
        this._putTenant(body, req.tenantId);
        var result = this._call('POST', '/v2/messages/correlation', body);
        if (result.success && result.body && typeof result.body === 'object') {
            result.messageKey = this._keyText(result.body.messageKey);
            result.processInstanceKey = this._keyText(result.body.processInstanceKey);
            result.tenantId = this._text(result.body.tenantId);
        }
        return result;
    },

    /*
     * Publishes a (buffered) message: POST /v2/messages/publication.
     * req: {name, correlationKey, timeToLive (ms), messageId, variables, tenantId}
     * With a timeToLive the broker keeps the message until a subscription opens, so a flow that
     * answers faster than the process reaches its catch event is not lost; messageId makes
     * re-publication idempotent within that time.
     */
    publishMessage: function (req) {
        req = req || {};
        var name = this._text(req.name);
        if (!name) {
            return this._invalid("'name' is required");
        }
        var body = {name: name, correlationKey: this._text(req.correlationKey)};
        var ttl = this._optionalInt(req.timeToLive);
        if (ttl === false || (ttl !== null && ttl < 0)) {
            return this._invalid("'timeToLive' must be a non-negative number of milliseconds");
        }
        if (ttl !== null) {
            body.timeToLive = ttl;
        }
        var messageId = this._text(req.messageId);
        if (messageId) {
            body.messageId = messageId;
        }
        if (!this._putVariables(body, req.variables)) {
            return this._invalid("'variables' must be a JSON object");
        }
        this._putTenant(body, req.tenantId);
        var result = this._call('POST', '/v2/messages/publication', body);
        if (result.success && result.body && typeof result.body === 'object') {
            result.messageKey = this._keyText(result.body.messageKey);
            result.tenantId = this._text(result.body.tenantId);
        }
        return result;
    },

    /*
     * Broadcasts a signal: POST /v2/signals/broadcast.
     * req: {signalName, variables, tenantId}
     */
    broadcastSignal: function (req) {
        req = req || {};
        var name = this._text(req.signalName);
        if (!name) {
            return this._invalid("'signalName' is required");
        }
        var body = {signalName: name};
        if (!this._putVariables(body, req.variables)) {
            return this._invalid("'variables' must be a JSON object");
        }
        this._putTenant(body, req.tenantId);
        var result = this._call('POST', '/v2/signals/broadcast', body);
        if (result.success && result.body && typeof result.body === 'object') {
            result.signalKey = this._keyText(result.body.signalKey);
            result.tenantId = this._text(result.body.tenantId);
        }
        return result;
    },

    /*
     * Cancels a process instance: POST /v2/process-instances/{key}/cancellation (204 on success).
     * req: {processInstanceKey, operationReference}
     */
    cancelProcessInstance: function (req) {
        req = req || {};
        var key = this._keyText(req.processInstanceKey);
        if (!/^[0-9]+$/.test(key)) {
            return this._invalid("'processInstanceKey' must be a numeric process instance key");
        }
        var body = {};
        var opRef = this._optionalInt(req.operationReference);
        if (opRef === false || (opRef !== null && opRef < 1)) {
            return this._invalid("'operationReference' must be a positive integer");
        }
        if (opRef !== null) {
            body.operationReference = opRef;
        }
        var result = this._call('POST', '/v2/process-instances/' + key + '/cancellation', body);
        result.processInstanceKey = key;
        return result;
    },

    /* Drops every cached token (e.g. after rotating the client secret). */
    clearTokenCache: function () {
        CamundaClient.tokenCache = {};
    },

    // ---------------------------------------------------------------- configuration

    _loadConfig: function () {
        var c = {};
        var names = ['base_url', 'auth_type', 'oauth.token_url', 'oauth.audience', 'oauth.scope',
            'oauth.client_id', 'oauth.client_secret', 'oauth.expiry_margin_seconds', 'oauth.scoped_cache', 'basic.username',
            'basic.password', 'connection_alias', 'http_timeout_ms', 'default_tenant_id', 'mid_server'];
        for (var i = 0; i < names.length; i++) {
            c[names[i]] = this._setting(names[i]);
        }
        // A connection & credential alias (sys_alias) supplies URL and secrets from the
        // platform's credential store instead of properties, when configured.
        if (c.connection_alias) {
            this._applyConnectionAlias(c);
        }
        c.base_url = String(c.base_url || '').replace(/\/+$/, '');
        c.auth_type = String(c.auth_type || 'oauth').toLowerCase();
        var margin = parseInt(c['oauth.expiry_margin_seconds'], 10);
        c.expiryMarginMs = (isNaN(margin) ? 30 : margin) * 1000;
        var timeout = parseInt(c.http_timeout_ms, 10);
        c.httpTimeoutMs = isNaN(timeout) ? 60000 : timeout;
        return c;
    },

    _setting: function (name) {
        if (Object.prototype.hasOwnProperty.call(this.overrides, name)) {
            var v = this.overrides[name];
            return v === null || v === undefined ? '' : String(v);
        }
        var p = gs.getProperty(CamundaClient.PROPERTY_PREFIX + name, '');
        return p === null || p === undefined ? '' : String(p);
    },

    /*
     * Reads the HTTP connection behind a Connection & Credential alias. The connection's URL is
     * the Camunda base URL; a basic-auth credential supplies user/password, an OAuth
     * client-credentials style credential (API key credential holding the client secret, user
     * name holding the client id) supplies the OAuth client. Properties still win when set
     * explicitly through overrides.
     */
    _applyConnectionAlias: function (c) {
        if (typeof sn_cc === 'undefined') {
            return;
        }
        var info = new sn_cc.ConnectionInfoProvider().getConnectionInfo(c.connection_alias);
        if (!info) {
            return;
        }
        var url = info.getAttribute('connection_url');
        if (url && !c.base_url) {
            c.base_url = String(url);
        }
        var user = info.getCredentialAttribute('user_name');
        var password = info.getCredentialAttribute('password');
        var apiKey = info.getCredentialAttribute('api_key');
        if (c.auth_type === 'basic') {
            if (user) { c['basic.username'] = String(user); }
            if (password) { c['basic.password'] = String(password); }
        } else {
            if (user && !c['oauth.client_id']) { c['oauth.client_id'] = String(user); }
            if (apiKey) {
                c['oauth.client_secret'] = String(apiKey);
            } else if (password) {
                c['oauth.client_secret'] = String(password);
            }
        }
    },

    // ---------------------------------------------------------------- HTTP

    _call: function (method, path, body) {
        if (!this.config.base_url) {
            return this._failure(0, 'Camunda is not configured',
                'System property x_acme_camunda.base_url (or the connection alias URL) is empty', null, 'CONFIGURATION');
        }
        var auth = this._authorization(false);
        if (!auth.success) {
            return auth.result;
        }
        var result = this._send(method, path, body, auth.header);
        // A cached token can be revoked before it expires; fetch a fresh one once and retry.
        if (result.status === 401 && auth.cached) {
            auth = this._authorization(true);
            if (!auth.success) {
                return auth.result;
            }
            result = this._send(method, path, body, auth.header);
        }
        return result;
    },

    _send: function (method, path, body, authHeader) {
        var msg = new sn_ws.RESTMessageV2();
        msg.setEndpoint(this.config.base_url + path);
        msg.setHttpMethod(method);
        msg.setRequestHeader('Accept', 'application/json');
        msg.setRequestHeader('Content-Type', 'application/json');
        if (authHeader) {
            msg.setRequestHeader('Authorization', authHeader);
        }
        this._transportOptions(msg);
        msg.setRequestBody(JSON.stringify(body || {}));
        return this._toResult(this._execute(msg), method + ' ' + path);
    },

    /*
     * Timeout, and the MID server for a Camunda that the instance cannot reach directly (a
     * Self-Managed cluster or Camunda 8 Run inside a private network).
     */
    _transportOptions: function (msg) {
        msg.setHttpTimeout(this.config.httpTimeoutMs);
        if (this.config.mid_server) {
            msg.setMIDServer(this.config.mid_server);
        }
    },

    /* Runs the request; a thrown exception (DNS, TLS, timeout) becomes a status-0 response. */
    _execute: function (msg) {
        try {
            var response = msg.execute();
            var status = Number(response.getStatusCode());
            return {
                status: isNaN(status) ? 0 : status,
                body: this._string(response.getBody()),
                error: response.haveError() ? this._string(response.getErrorMessage()) : ''
            };
        } catch (e) {
            return {status: 0, body: '', error: this._string(e && e.message ? e.message : e)};
        }
    },

    _toResult: function (raw, what) {
        if (raw.status === 0) {
            return this._failure(0, 'Could not reach Camunda',
                (raw.error || 'no response') + ' (' + what + ')', null, 'TRANSPORT');
        }
        var parsed = this._parse(raw.body);
        if (raw.status >= 200 && raw.status < 300) {
            return {success: true, status: raw.status, message: 'OK', detail: '', body: parsed, errorType: ''};
        }
        return this._problem(raw.status, parsed, raw.error);
    },

    /* Maps an RFC 7807 problem document (or any error body) onto the structured result. */
    _problem: function (status, parsed, transportMessage) {
        var message = 'HTTP ' + status;
        var detail = '';
        var type = 'HTTP_' + status;
        if (parsed && typeof parsed === 'object') {
            if (parsed.title) { message = String(parsed.title); }
            if (parsed.detail) { detail = String(parsed.detail); }
            if (parsed.type) { type = String(parsed.type); }
            // OAuth error bodies: {"error":"invalid_client","error_description":"…"}
            if (!parsed.title && parsed.error && typeof parsed.error === 'string') {
                message = parsed.error;
                detail = parsed.error_description ? String(parsed.error_description) : detail;
            }
        } else if (typeof parsed === 'string' && parsed.length > 0) {
            detail = parsed.length > 500 ? parsed.substring(0, 500) : parsed;
        } else if (transportMessage) {
            detail = transportMessage;
        }
        return this._failure(status, message, detail, parsed, type);
    },

    // ---------------------------------------------------------------- authentication

    /* Returns {success, header, cached} or {success: false, result}. */
    _authorization: function (forceRefresh) {
        var type = this.config.auth_type;
        if (type === 'none') {
            return {success: true, header: null, cached: false};
        }
        if (type === 'basic') {
            var user = this.config['basic.username'];
            if (!user) {
                return {success: false, result: this._failure(0, 'Camunda is not configured',
                    'x_acme_camunda.basic.username is empty', null, 'CONFIGURATION')};
            }
            var pair = user + ':' + this.config['basic.password'];
            return {success: true, header: 'Basic ' + this._base64(pair), cached: false};
        }
        if (type !== 'oauth') {
            return {success: false, result: this._failure(0, 'Camunda is not configured',
                "x_acme_camunda.auth_type must be oauth, basic or none, not '" + type + "'", null, 'CONFIGURATION')};
        }
        return this._oauthToken(forceRefresh);
    },

    _oauthToken: function (forceRefresh) {
        var c = this.config;
        if (!c['oauth.token_url'] || !c['oauth.client_id']) {
            return {success: false, result: this._failure(0, 'Camunda is not configured',
                'x_acme_camunda.oauth.token_url and x_acme_camunda.oauth.client_id are required for OAuth', null, 'CONFIGURATION')};
        }
        var cacheKey = [c['oauth.token_url'], c['oauth.client_id'], c['oauth.audience'], c['oauth.scope']].join('|');
        var now = CamundaClient.now();
        var entry = CamundaClient.tokenCache[cacheKey];
        if (!forceRefresh && !(entry && entry.validUntil > now)) {
            entry = this._sharedTokenGet(cacheKey);
        }
        if (!forceRefresh && entry && entry.validUntil > now) {
            CamundaClient.tokenCache[cacheKey] = entry;
            return {success: true, header: 'Bearer ' + entry.token, cached: true};
        }
        delete CamundaClient.tokenCache[cacheKey];
        this._sharedTokenPut(cacheKey, null);

        var form = 'grant_type=client_credentials'
            + '&client_id=' + encodeURIComponent(c['oauth.client_id'])
            + '&client_secret=' + encodeURIComponent(c['oauth.client_secret']);
        if (c['oauth.audience']) {
            form += '&audience=' + encodeURIComponent(c['oauth.audience']);
        }
        if (c['oauth.scope']) {
            form += '&scope=' + encodeURIComponent(c['oauth.scope']);
        }
        var msg = new sn_ws.RESTMessageV2();
        msg.setEndpoint(c['oauth.token_url']);
        msg.setHttpMethod('POST');
        msg.setRequestHeader('Accept', 'application/json');
        msg.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
        this._transportOptions(msg);
        msg.setRequestBody(form);
        var raw = this._execute(msg);
        if (raw.status === 0) {
            return {success: false, result: this._failure(0, 'Could not reach the Camunda token endpoint',
                (raw.error || 'no response') + ' (POST ' + c['oauth.token_url'] + ')', null, 'TRANSPORT')};
        }
        var parsed = this._parse(raw.body);
        if (raw.status < 200 || raw.status >= 300 || !parsed || typeof parsed !== 'object' || !parsed.access_token) {
            var failed = this._problem(raw.status, parsed, raw.error);
            failed.message = 'Camunda authentication failed: ' + failed.message;
            failed.errorType = 'AUTHENTICATION';
            // The token endpoint's body may echo request data; keep it out of flow outputs.
            failed.body = null;
            return {success: false, result: failed};
        }
        var expiresIn = parseInt(parsed.expires_in, 10);
        if (isNaN(expiresIn) || expiresIn <= 0) {
            expiresIn = 300;
        }
        var fresh = {
            token: String(parsed.access_token),
            validUntil: now + expiresIn * 1000 - c.expiryMarginMs
        };
        CamundaClient.tokenCache[cacheKey] = fresh;
        this._sharedTokenPut(cacheKey, fresh);
        return {success: true, header: 'Bearer ' + parsed.access_token, cached: false};
    },

    /* Reads a token entry from the optional Scoped Cache; null when absent or not configured. */
    _sharedTokenGet: function (cacheKey) {
        var name = this.config['oauth.scoped_cache'];
        if (!name || typeof sn_scoped_cache === 'undefined') {
            return null;
        }
        try {
            var text = sn_scoped_cache.ScopedCacheManager.get(name, cacheKey);
            if (text === null || text === undefined || String(text) === '') {
                return null;
            }
            var entry = JSON.parse(String(text));
            return entry && entry.token && typeof entry.validUntil === 'number' ? entry : null;
        } catch (e) {
            // A missing cache definition must not break the call; fall back to fetching a token.
            return null;
        }
    },

    /* Stores (or with null, flushes) a token entry in the optional Scoped Cache. */
    _sharedTokenPut: function (cacheKey, entry) {
        var name = this.config['oauth.scoped_cache'];
        if (!name || typeof sn_scoped_cache === 'undefined') {
            return;
        }
        try {
            if (entry) {
                sn_scoped_cache.ScopedCacheManager.put(name, cacheKey, JSON.stringify(entry));
            } else {
                sn_scoped_cache.ScopedCacheManager.flushScopedCache(name, cacheKey);
            }
        } catch (e) {
            gs.warn('x_acme_camunda: scoped cache ' + name + ' is not usable: ' + e);
        }
    },

    // ---------------------------------------------------------------- helpers

    _failure: function (status, message, detail, body, errorType) {
        return {success: false, status: status, message: message, detail: detail || '',
            body: body === undefined ? null : body, errorType: errorType || ''};
    },

    _invalid: function (detail) {
        return this._failure(0, 'Invalid input', detail, null, 'INVALID_INPUT');
    },

    _parse: function (text) {
        if (!text) {
            return null;
        }
        try {
            return JSON.parse(text);
        } catch (e) {
            return text;
        }
    },

    _string: function (v) {
        return v === null || v === undefined ? '' : String(v);
    },

    _text: function (v) {
        if (v === null || v === undefined) {
            return '';
        }
        return String(v).replace(/^\s+|\s+$/g, '');
    },

    /* Camunda 8.8 keys are strings in JSON; older clusters send numbers. Keep digits exact. */
    _keyText: function (v) {
        return this._text(v);
    },

    _bool: function (v) {
        if (v === true || v === false) {
            return v;
        }
        var s = this._text(v).toLowerCase();
        return s === 'true' || s === '1' || s === 'yes';
    },

    /* null when empty, false when not an integer, otherwise the number. */
    _optionalInt: function (v) {
        var s = this._text(v);
        if (s === '') {
            return null;
        }
        if (!/^-?[0-9]+$/.test(s)) {
            return false;
        }
        return parseInt(s, 10);
    },

    /* Accepts an object or a JSON string (Flow Designer passes strings); null when empty. */
    /* Sets body.variables from an object or JSON text; false when the value is not a JSON object. */
    _putVariables: function (body, v) {
        var variables = this._variables(v);
        if (variables === false) {
            return false;
        }
        if (variables !== null) {
            body.variables = variables;
        }
        return true;
    },

    _variables: function (v) {
        if (v === null || v === undefined) {
            return null;
        }
        if (typeof v === 'object' && !(v instanceof Array) && !this._isJavaObject(v)) {
            return v;
        }
        var s = this._text(v);
        if (s === '') {
            return null;
        }
        try {
            var parsed = JSON.parse(s);
            if (parsed === null || typeof parsed !== 'object' || parsed instanceof Array) {
                return false;
            }
            return parsed;
        } catch (e) {
            return false;
        }
    },

    _isJavaObject: function (v) {
        return typeof v.getClass === 'function';
    },

    /* Accepts an array or a comma-separated string. */
    _list: function (v) {
        var out = [];
        var parts;
        if (v === null || v === undefined) {
            return out;
        }
        if (v instanceof Array) {
            parts = v;
        } else {
            parts = this._text(v).split(',');
        }
        for (var i = 0; i < parts.length; i++) {
            var s = this._text(parts[i]);
            if (s) {
                out.push(s);
            }
        }
        return out;
    },

    _putTenant: function (body, tenantId) {
        var t = this._text(tenantId) || this._text(this.config.default_tenant_id);
        if (t) {
            body.tenantId = t;
        }
    },

    _base64: function (text) {
        return GlideStringUtil.base64Encode(text);
    },

    type: 'CamundaClient'
};
