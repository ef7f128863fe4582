package dev.tagrouter.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.api.RouteRequestParser;
import dev.tagrouter.gateway.GatewayAnswer;
import dev.tagrouter.gateway.GatewayDecision;
import dev.tagrouter.gateway.GatewayRouter;
import dev.tagrouter.gateway.ProviderFormat;
import dev.tagrouter.gateway.RouterHeaders;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Decides on a provider body as the caller sent it (the decision endpoints and the Lambda envelope): router options
 * from headers, an id unless the caller sent one, the decision observers told, the answer as headers plus either
 * the decision or the rewritten body.
 */
@ApplicationScoped
public class GatewayService {

    /** The answer: response headers and the JSON body (the decision, or the provider body in rewrite mode). */
    public record Reply(Map<String, String> headers, Object body) {
    }

    private static final Set<String> ENVELOPE_FIELDS = Set.of("endpoint", "headers", "body", "mode");

    @Inject
    RouteService routes;

    @Inject
    TagrouterConfig config;

    private GatewayRouter gateway;

    @PostConstruct
    void init() {
        gateway = new GatewayRouter(routes.router(), Set.copyOf(config.gateway().routeAliases()));
    }

    /** The decision endpoints: a raw body, a case-insensitive header lookup, and the {@code mode} query parameter. */
    public Reply decide(ProviderFormat format, byte[] body, UnaryOperator<String> header, String mode) {
        boolean rewrite = rewrite(mode);
        JsonNode tree = routes.read(body);
        return decide(format, tree, RouterHeaders.read(header), rewrite);
    }

    /**
     * The Lambda envelope {@code {"endpoint", "headers", "body", "mode"}}: the endpoint after {@code /v1/route/},
     * the gateway's headers, the provider body unchanged, and {@code decision} (default) or {@code rewrite}.
     */
    public Reply decide(JsonNode envelope) {
        for (Iterator<String> names = envelope.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE_FIELDS.contains(name)) {
                throw new RouteException(ErrorCode.UNKNOWN_FIELD, "Unknown envelope field '" + abbreviate(name)
                        + "'; an envelope has " + new java.util.TreeSet<>(ENVELOPE_FIELDS) + ".");
            }
        }
        JsonNode endpoint = envelope.get("endpoint");
        if (endpoint == null || !endpoint.isTextual()) {
            throw RouteRequestParser.wrongType("endpoint", "one of " + ProviderFormat.endpoints(), endpoint);
        }
        ProviderFormat format = ProviderFormat.ofEndpoint(endpoint.textValue()).orElseThrow(() ->
                new RouteException(ErrorCode.INVALID_FIELD, "Field 'endpoint' must be one of "
                        + ProviderFormat.endpoints() + ", got '" + abbreviate(endpoint.textValue()) + "'."));
        JsonNode mode = envelope.get("mode");
        if (mode != null && !mode.isNull() && !mode.isTextual()) {
            throw RouteRequestParser.wrongType("mode", "'decision' or 'rewrite'", mode);
        }
        boolean rewrite = rewrite(mode == null || mode.isNull() ? null : mode.textValue());
        Map<String, String> headers = headers(envelope.get("headers"));
        return decide(format, envelope.get("body"), RouterHeaders.read(name -> headers.get(name)), rewrite);
    }

    private Reply decide(ProviderFormat format, JsonNode body, RouterHeaders options, boolean rewrite) {
        if (options.requestId() == null) {
            options = new RouterHeaders(options.costPreference(), options.maxCostUsd(), options.candidates(),
                    options.exclude(), options.sessionId(), UUID.randomUUID().toString(), options.previousModel(),
                    options.pin());
        }
        GatewayDecision decided = gateway.route(format, body, options);
        routes.observe(decided.request(), decided.decision());
        return new Reply(GatewayAnswer.headers(decided.decision()),
                rewrite ? GatewayAnswer.rewrite(body, decided.decision()) : decided.decision());
    }

    private static boolean rewrite(String mode) {
        if (mode == null || mode.equals("decision")) {
            return false;
        }
        if (mode.equals("rewrite")) {
            return true;
        }
        throw new RouteException(ErrorCode.INVALID_FIELD, "Parameter 'mode' must be 'decision' or 'rewrite', got '"
                + abbreviate(mode) + "'.");
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new HashMap<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (!node.isObject()) {
            throw RouteRequestParser.wrongType("headers", "an object of header names to strings", node);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw RouteRequestParser.wrongType("headers." + abbreviate(e.getKey()), "a string", e.getValue());
            }
            headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().textValue());
        }
        return headers;
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
