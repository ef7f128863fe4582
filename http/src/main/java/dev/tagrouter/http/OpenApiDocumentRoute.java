package dev.tagrouter.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Serves {@code /q/openapi} from the document the OpenAPI extension generated from this code (committed under
 * {@code openapi/}, checked against the extension by {@code OpenApiDocumentTest}), read on the first request: the
 * extension itself re-reads and re-writes its document at every start, about 0.2-0.45 s of CPU before the first answer.
 * Format rules are the extension's: a {@code .json} path, an {@code Accept} with {@code application/json} or
 * {@code ?format=json} get JSON, anything else YAML.
 */
@ApplicationScoped
public class OpenApiDocumentRoute {

    static final String JSON_RESOURCE = "openapi/openapi.json";
    static final String YAML_RESOURCE = "openapi/openapi.yaml";

    void install(@Observes Router router) {
        router.routeWithRegex("/q/openapi(\\.json|\\.yaml|\\.yml)?").order(Integer.MIN_VALUE)
                .method(HttpMethod.GET).method(HttpMethod.HEAD).method(HttpMethod.OPTIONS)
                .handler(OpenApiDocumentRoute::serve);
    }

    private static void serve(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.OPTIONS) {
            ctx.response().putHeader("Allow", "GET, HEAD, OPTIONS");
            ctx.next();
            return;
        }
        boolean json = wantsJson(ctx.normalizedPath(), ctx.request().getHeader("Accept"), ctx.queryParam("format"));
        ctx.response().putHeader("Content-Type", (json ? "application/json" : "application/yaml") + ";charset=UTF-8")
                .end(Buffer.buffer(json ? Documents.JSON : Documents.YAML));
    }

    static boolean wantsJson(String path, String accept, List<String> format) {
        if (path.endsWith(".json")) {
            return true;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return false;
        }
        return accept != null && accept.contains("application/json")
                || !format.isEmpty() && "json".equalsIgnoreCase(format.get(0));
    }

    // Read once, on the first request for the document, not at start-up.
    private static final class Documents {
        static final byte[] JSON = read(JSON_RESOURCE);
        static final byte[] YAML = read(YAML_RESOURCE);

        private static byte[] read(String resource) {
            try (InputStream in = OpenApiDocumentRoute.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the OpenAPI document " + resource + " is missing from the artifact");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenAPI document " + resource, e);
            }
        }
    }
}
