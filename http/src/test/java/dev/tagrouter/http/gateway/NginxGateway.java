package dev.tagrouter.http.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx with njs running the recipe of {@code gateways/nginx} (the files users copy), its tokens filled in
 * with test ports. Debian: {@code apt-get install nginx libnginx-mod-http-js}.
 */
final class NginxGateway implements AutoCloseable {

    private static final Path RECIPE = Path.of("..", "gateways", "nginx");
    private static final List<Path> NGINX = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"),
            Path.of("/usr/local/sbin/nginx"), Path.of("/usr/local/nginx/sbin/nginx"));
    private static final List<Path> NJS_MODULE = List.of(Path.of("/usr/lib/nginx/modules/ngx_http_js_module.so"),
            Path.of("/usr/lib64/nginx/modules/ngx_http_js_module.so"),
            Path.of("/usr/local/nginx/modules/ngx_http_js_module.so"));

    private final Process process;
    private final Path dir;
    private final int port;

    private NginxGateway(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts nginx in {@code dir}; an empty default model means the gateway fails closed when the router is down. */
    static NginxGateway start(Path dir, String tagrouterUrl, String providerUrl, String defaultModel)
            throws IOException, InterruptedException {
        Path nginx = find(NGINX, "nginx (apt-get install nginx libnginx-mod-http-js)");
        Path njs = find(NJS_MODULE, "nginx's njs module (apt-get install libnginx-mod-http-js)");
        int port = freePort();
        Files.createDirectories(dir);
        Files.copy(RECIPE.resolve("tagrouter.js"), dir.resolve("tagrouter.js"));
        Map<String, String> tokens = Map.of("@GATEWAY_DIR@", dir.toAbsolutePath().toString(),
                "@LISTEN@", "127.0.0.1:" + port, "@TAGROUTER_URL@", tagrouterUrl, "@PROVIDER_URL@", providerUrl,
                "@DEFAULT_MODEL@", defaultModel);
        String recipe = Files.readString(RECIPE.resolve("tagrouter.conf"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            recipe = recipe.replace(token.getKey(), token.getValue());
        }
        Files.writeString(dir.resolve("tagrouter.conf"), recipe, StandardCharsets.UTF_8);
        String d = dir.toAbsolutePath().toString();
        // The main file is the test's own: one foreground process running as the current user, everything in dir.
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "load_module " + njs + ";",
                "pid " + d + "/nginx.pid;",
                "error_log " + d + "/error.log warn;",
                "daemon off;",
                "master_process off;",
                "events { worker_connections 64; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + d + "/body;",
                "  proxy_temp_path " + d + "/proxy;",
                "  fastcgi_temp_path " + d + "/fastcgi;",
                "  uwsgi_temp_path " + d + "/uwsgi;",
                "  scgi_temp_path " + d + "/scgi;",
                "  include " + d + "/tagrouter.conf;",
                "}", ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(nginx.toString(), "-p", d, "-c", d + "/nginx.conf")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        NginxGateway gateway = new NginxGateway(process, dir, port);
        gateway.awaitListening();
        return gateway;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx did not start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("nginx did not listen within 10 s: " + log());
    }

    String log() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String file : List.of("nginx.out", "error.log")) {
            Path path = dir.resolve(file);
            if (Files.exists(path)) {
                out.append(Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private static Path find(List<Path> candidates, String what) {
        Optional<Path> found = candidates.stream().filter(Files::isRegularFile).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("The gateway test needs " + what
                + "; looked in " + candidates));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
