/*
 * Test stand-ins for the ServiceNow platform globals the app's scripts use. Written in ES5 like
 * the app itself; the HTTP stand-in is Java (FakeRestMessage) so requests really go over HTTP.
 */
var Class = {
    create: function () {
        return function () {
            this.initialize.apply(this, arguments);
        };
    }
};

var gs = {
    logs: [],
    getProperty: function (name, defaultValue) {
        var v = __properties.get(name);
        if (v === null || v === undefined) {
            return defaultValue === undefined ? null : defaultValue;
        }
        return String(v);
    },
    info: function (m) { gs.logs.push('INFO ' + m); },
    warn: function (m) { gs.logs.push('WARN ' + m); },
    error: function (m) { gs.logs.push('ERROR ' + m); },
    debug: function (m) { gs.logs.push('DEBUG ' + m); }
};

var GlideStringUtil = {
    base64Encode: function (text) {
        var bytes = new java.lang.String(String(text)).getBytes('UTF-8');
        return String(java.util.Base64.getEncoder().encodeToString(bytes));
    }
};

var sn_ws = {
    RESTMessageV2: function () {
        // A constructor that returns an object makes `new` yield that object.
        return new Packages.com.acme.servicenow.spoke.FakeRestMessage();
    }
};

/* sn_ws_err: the platform renders these as {"error":{"message","detail"},"status":"failure"}. */
var sn_ws_err = (function () {
    function ServiceError() {
        this.status = 500;
        this.message = '';
        this.detail = '';
    }
    ServiceError.prototype.setStatus = function (s) { this.status = s; };
    ServiceError.prototype.setMessage = function (m) { this.message = m; };
    ServiceError.prototype.setDetail = function (d) { this.detail = d; };
    return {ServiceError: ServiceError};
})();

/* sn_scoped_cache stand-in: an in-memory map per cache name, like a defined Scoped Cache. */
var sn_scoped_cache = {
    ScopedCacheManager: {
        stores: {},
        puts: 0,
        get: function (catalog, key) {
            var store = this.stores[catalog];
            return store && store.hasOwnProperty(key) ? store[key] : null;
        },
        put: function (catalog, key, value) {
            if (typeof value !== 'string') {
                throw new Error('ScopedCacheManager.put accepts strings only');
            }
            this.puts++;
            (this.stores[catalog] = this.stores[catalog] || {})[key] = value;
        },
        flushScopedCache: function (catalog, key) {
            if (this.stores[catalog]) {
                delete this.stores[catalog][key];
            }
        }
    }
};
