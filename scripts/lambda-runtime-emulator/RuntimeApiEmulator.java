import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal AWS Lambda Runtime API (2018-06-01) for running a function.zip locally with AWS's runtime
 * interface client, without Docker: hands out N events, records the answers, exits.
 *
 * <p>Run with {@code java RuntimeApiEmulator.java --event-file event.json [--invocations N] [--port P]
 * [--rss-pid-file F]}. Output is one {@code key=value} fact per line so scripts can grep it; the first
 * line is {@code listening=127.0.0.1:<port>}. Exit status: 0 all invocations answered, 2 the function
 * answered an invocation with an error, 3 the function reported an init error, 1 bad arguments.
 *
 * <p>A function started with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} runs its before-checkpoint hooks
 * and then asks {@code restore/next}, where Lambda would take the snapshot; the emulator answers at once (there is
 * no snapshot here) and prints {@code restore_next_epoch_us}. {@code first_invocation_ms} is the first event's time
 * from being handed out to its answer: after a restore, that is what the caller waits for besides the restore.
 */
public final class RuntimeApiEmulator {

    static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION_ANSWER =
            Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:local-emulator";

    private final BlockingQueue<String> pendingEvents = new LinkedBlockingQueue<>();
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
    private final Set<String> openRequests = ConcurrentHashMap.newKeySet();
    private final List<String> facts = new ArrayList<>();
    private final CountDownLatch finished;
    private final long deadlineMillis;
    private final Path rssPidFile;
    private volatile int exitStatus;
    private int answered;

    RuntimeApiEmulator(String event, int invocations, long deadlineMillis, Path rssPidFile) {
        for (int i = 0; i < invocations; i++) {
            pendingEvents.add(event);
        }
        this.finished = new CountDownLatch(invocations);
        this.deadlineMillis = deadlineMillis;
        this.rssPidFile = rssPidFile;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(1);
            return;
        }
        String event = options.containsKey("event-file")
                ? Files.readString(Path.of(options.get("event-file")))
                : options.get("event");
        RuntimeApiEmulator emulator = new RuntimeApiEmulator(event,
                Integer.parseInt(options.getOrDefault("invocations", "1")),
                Long.parseLong(options.getOrDefault("timeout-ms", "30000")),
                options.containsKey("rss-pid-file") ? Path.of(options.get("rss-pid-file")) : null);
        System.exit(emulator.serve(Integer.parseInt(options.getOrDefault("port", "9001"))));
    }

    /** Serves until every invocation has been answered or the function failed; returns the exit status. */
    int serve(int port) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        // /next blocks until an event is available, so answers must be handled on other threads.
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
        print("listening=127.0.0.1:" + server.getAddress().getPort());
        finished.await();
        server.stop(0);
        return exitStatus;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("GET") && path.equals(PREFIX + "invocation/next")) {
            handOutNextEvent(exchange);
            return;
        }
        if (method.equals("GET") && path.equals(PREFIX + "restore/next")) {
            print("restore_next_epoch_us=" + ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
            reply(exchange, 200, "");
            return;
        }
        if (method.equals("POST") && path.equals(PREFIX + "restore/error")) {
            print("restore_error=" + oneLine(body));
            reply(exchange, 202, "{\"status\":\"OK\"}");
            fail(3);
            return;
        }
        Matcher answer = INVOCATION_ANSWER.matcher(path);
        if (method.equals("POST") && answer.matches()) {
            recordAnswer(exchange, answer.group(1), answer.group(2).equals("error"), body);
            return;
        }
        if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
            print("init_error=" + oneLine(body));
            reply(exchange, 202, "{\"status\":\"OK\"}");
            fail(3);
            return;
        }
        reply(exchange, 404, "{\"errorMessage\":\"unknown runtime API call " + method + " " + path + "\"}");
    }

    private void handOutNextEvent(HttpExchange exchange) throws IOException {
        String event;
        try {
            event = pendingEvents.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String requestId = UUID.randomUUID().toString();
        openRequests.add(requestId);
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", requestId);
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + deadlineMillis));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        print("event_sent=" + requestId);
        sentAt.put(requestId, Instant.now());
        reply(exchange, 200, event);
    }

    private void recordAnswer(HttpExchange exchange, String requestId, boolean error, byte[] body)
            throws IOException {
        // Take the timestamp before anything else: it is what the cold-start measurement is about.
        Instant arrived = Instant.now();
        if (!openRequests.remove(requestId)) {
            reply(exchange, 400, "{\"errorMessage\":\"no open invocation " + requestId + "\"}");
            return;
        }
        synchronized (this) {
            answered++;
            if (answered == 1) {
                print("first_answer_epoch_us=" + ChronoUnit.MICROS.between(Instant.EPOCH, arrived));
                print("first_invocation_ms=" + ChronoUnit.MILLIS.between(sentAt.get(requestId), arrived));
                readRssOfFunction().ifPresent(kib -> print("first_answer_rss_kib=" + kib));
                readCpuOfFunction().ifPresent(ms -> print("first_answer_cpu_ms=" + ms));
            }
            print((error ? "error_" : "response_") + answered + "=" + oneLine(body));
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
        if (error) {
            fail(2);
        } else {
            finished.countDown();
        }
    }

    /** VmRSS of the process whose pid the caller wrote to the pid file, read while it holds the first answer. */
    private java.util.Optional<Long> readRssOfFunction() {
        if (rssPidFile == null) {
            return java.util.Optional.empty();
        }
        try {
            String pid = Files.readString(rssPidFile).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return java.util.Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            print("rss_unavailable=" + e);
        }
        return java.util.Optional.empty();
    }

    /** User + system CPU time of the function's process so far (fields 14 and 15 of /proc/PID/stat, 100 Hz ticks). */
    private java.util.Optional<Long> readCpuOfFunction() {
        if (rssPidFile == null) {
            return java.util.Optional.empty();
        }
        try {
            String pid = Files.readString(rssPidFile).trim();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
        } catch (IOException | RuntimeException e) {
            print("cpu_unavailable=" + e);
        }
        return java.util.Optional.empty();
    }

    private void fail(int status) {
        exitStatus = status;
        while (finished.getCount() > 0) {
            finished.countDown();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String oneLine(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ');
    }

    private synchronized void print(String fact) {
        facts.add(fact);
        System.out.println(fact);
        System.out.flush();
    }

    /** Command-line options as {@code --name value} pairs. */
    static final class Options {
        static final String USAGE = "usage: java RuntimeApiEmulator.java (--event-file FILE | --event JSON)"
                + " [--invocations N] [--port P, 0 = any free port] [--timeout-ms MS] [--rss-pid-file FILE]";
        private static final Set<String> NAMES =
                Set.of("event-file", "event", "invocations", "port", "timeout-ms", "rss-pid-file");

        static Map<String, String> parse(String[] args) {
            Map<String, String> options = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i].startsWith("--") ? args[i].substring(2) : "";
                if (!NAMES.contains(name) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("bad option " + args[i]);
                }
                options.put(name, args[i + 1]);
            }
            if (options.containsKey("event-file") == options.containsKey("event")) {
                throw new IllegalArgumentException("give exactly one of --event-file and --event");
            }
            for (String number : List.of("invocations", "port", "timeout-ms")) {
                if (options.containsKey(number) && !options.get(number).matches("\\d+")) {
                    throw new IllegalArgumentException("--" + number + " must be a non-negative integer");
                }
            }
            if (options.containsKey("invocations") && Integer.parseInt(options.get("invocations")) < 1) {
                throw new IllegalArgumentException("--invocations must be at least 1");
            }
            return options;
        }
    }
}
