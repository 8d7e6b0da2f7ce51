/*
 * Stand-in for sn_fd.FlowAPI. Tests register flows in FlowStandIn.flows:
 *   name -> {type: 'flow'|'subflow'|'action', finalState: 'COMPLETE'|'ERROR'|'IN_PROGRESS'|'WAITING',
 *            outputs: {}, errorMessage: '', throwMessage: ''}
 * A background run leaves its context QUEUED (tests move it on); a foreground run ends in
 * finalState. Unknown names throw the way FlowAPI does for a missing/inactive flow.
 */
var FlowStandIn = {
    flows: {},
    contexts: {},
    runs: [],
    cancels: [],
    counter: 0,
    newId: function () {
        FlowStandIn.counter++;
        var s = String(FlowStandIn.counter);
        while (s.length < 31) { s = '0' + s; }
        return 'a' + s;
    }
};

function FakeFlowRunner() {
    this.call = {type: null, name: null, mode: 'unset', timeout: null, inputs: null};
}
FakeFlowRunner.prototype.flow = function (n) { this.call.type = 'flow'; this.call.name = n; return this; };
FakeFlowRunner.prototype.subflow = function (n) { this.call.type = 'subflow'; this.call.name = n; return this; };
FakeFlowRunner.prototype.action = function (n) { this.call.type = 'action'; this.call.name = n; return this; };
FakeFlowRunner.prototype.inBackground = function () { this.call.mode = 'background'; return this; };
FakeFlowRunner.prototype.inForeground = function () { this.call.mode = 'foreground'; return this; };
FakeFlowRunner.prototype.timeout = function (ms) { this.call.timeout = ms; return this; };
FakeFlowRunner.prototype.withInputs = function (i) { this.call.inputs = i; return this; };
FakeFlowRunner.prototype.run = function () {
    FlowStandIn.runs.push(this.call);
    var def = FlowStandIn.flows[this.call.name];
    if (!def || def.type !== this.call.type) {
        throw new Error('The ' + this.call.type + ' ' + this.call.name + ' does not exist or is not active');
    }
    if (def.throwMessage) {
        throw new Error(def.throwMessage);
    }
    var id = FlowStandIn.newId();
    var foreground = this.call.mode === 'foreground';
    FlowStandIn.contexts[id] = {
        state: foreground ? def.finalState : 'QUEUED',
        errorMessage: def.errorMessage || '',
        outputs: def.outputs || {},
        canceledReason: '',
        waitingOn: def.waitingOn || []
    };
    return {
        getContextId: function () { return id; },
        getOutputs: function () {
            var c = FlowStandIn.contexts[id];
            return c.state === 'COMPLETE' ? c.outputs : {};
        }
    };
};

var sn_fd = {
    FlowAPI: {
        getRunner: function () { return new FakeFlowRunner(); },
        getStatus: function (id) {
            var c = FlowStandIn.contexts[String(id)];
            if (!c) {
                return {hasLookupError: true, errorMessage: 'Unable to find context ' + id, contextStatus: null};
            }
            return {
                hasLookupError: false,
                errorMessage: c.state === 'ERROR' ? c.errorMessage : '',
                contextStatus: {state: c.state, message: '', canceledReason: c.canceledReason, waitingOn: c.waitingOn}
            };
        },
        getOutputs: function (id) { return FlowStandIn.contexts[String(id)].outputs; },
        cancel: function (id, reason) {
            FlowStandIn.cancels.push({id: String(id), reason: reason});
            var c = FlowStandIn.contexts[String(id)];
            c.state = 'CANCELLED';
            c.canceledReason = reason;
        }
    }
};
