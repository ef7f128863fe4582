// nginx (njs) front for an OpenAI-compatible chat API: ask tagrouter which model should answer, then forward the
// caller's request to the provider with that model, falling back down tagrouter's ranked list on 429 and 5xx.
// The caller's body and headers are never logged here.

const RETRYABLE = (status) => status === 429 || status >= 500;

function jsonError(r, status, code, message) {
    r.headersOut['Content-Type'] = 'application/json';
    r.return(status, JSON.stringify({ code: code, message: message }));
}

function rankedModels(decision) {
    const chosen = decision.headersOut['x-tagrouter-model'];
    const fallbacks = decision.headersOut['x-tagrouter-fallbacks'] || '';
    return [chosen].concat(fallbacks.split(',').map((m) => m.trim()).filter((m) => m.length > 0));
}

function withModel(body, model) {
    const request = JSON.parse(body);
    request.model = model;
    return JSON.stringify(request);
}

async function chatCompletions(r) {
    const body = r.requestText;
    if (body === undefined || body === null) {
        return jsonError(r, 413, 'BODY_TOO_LARGE', 'The request body did not fit in client_body_buffer_size.');
    }
    const rewrite = r.variables.tagrouter_mode === 'rewrite';
    let decision;
    try {
        decision = await r.subrequest('/_tagrouter/chat/completions',
            { method: 'POST', body: body, args: rewrite ? 'mode=rewrite' : '' });
    } catch (e) {
        decision = { status: 502 };
    }
    const routed = decision.status === 200;
    let models;
    if (routed) {
        models = rankedModels(decision);
        r.headersOut['x-tagrouter-request-id'] = decision.headersOut['x-tagrouter-request-id'];
    } else if (decision.status < 500) {
        // The router's own JSON error (400, 422, ...) is the caller's answer: no provider call is made.
        r.headersOut['Content-Type'] = 'application/json';
        return r.return(decision.status, decision.responseText);
    } else if (r.variables.tagrouter_default_model) {
        // Fail open: a router outage must not stop the chat; the configured model answers.
        models = [r.variables.tagrouter_default_model];
    } else {
        return jsonError(r, 502, 'ROUTER_UNAVAILABLE', 'The model router did not answer and no default model is set.');
    }
    let reply;
    for (let i = 0; i < models.length; i++) {
        // Header mode forwards the caller's body untouched; rewrite mode forwards the router's body (model replaced)
        // and sets a fallback's model itself.
        const forwarded = !rewrite ? body : i === 0 && routed ? decision.responseText : withModel(body, models[i]);
        reply = await r.subrequest('/_provider/chat/completions',
            { method: 'POST', body: forwarded, args: 'model=' + encodeURIComponent(models[i]) });
        if (!RETRYABLE(reply.status)) {
            r.headersOut['x-tagrouter-model'] = models[i];
            break;
        }
    }
    r.headersOut['Content-Type'] = reply.headersOut['Content-Type'] || 'application/json';
    r.return(reply.status, reply.responseText);
}

export default { chatCompletions };
