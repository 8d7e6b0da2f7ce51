/* Stand-ins for the Scripted REST API request and response objects. */
function FakeRequest(dataString, pathParams) {
    this.body = {dataString: dataString};
    this.pathParams = pathParams || {};
}

function FakeResponse() {
    this.status = 200;
    this.body = undefined;
    this.error = null;
}
FakeResponse.prototype.setStatus = function (s) { this.status = s; };
FakeResponse.prototype.setBody = function (b) { this.body = b; };
FakeResponse.prototype.setError = function (e) { this.error = e; };

/* What the platform sends: an error envelope, or the body wrapped in {"result": …}. */
FakeResponse.prototype.render = function (returned) {
    var err = this.error || (returned && returned instanceof sn_ws_err.ServiceError ? returned : null);
    if (err) {
        return JSON.stringify({status: err.status,
            body: {error: {message: err.message, detail: err.detail}, status: 'failure'}});
    }
    return JSON.stringify({status: this.status, body: {result: this.body}});
};
