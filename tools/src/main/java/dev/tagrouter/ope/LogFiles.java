package dev.tagrouter.ope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.tagrouter.decisionlog.DecisionLogEntry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A log as it lands from CloudWatch or Firehose exports: one file, a folder (every file under it), or a glob
 * ({@code logs/2026-*&#47;*.jsonl.gz}), each file plain or gzip'd (concatenated gzip members included), read in path
 * order as JSON lines one record at a time, so memory does not grow with the log.
 */
public final class LogFiles {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // logs are mostly probabilities: a third of the time
            .build();

    /** Skips the fields no replay reads (the query hash above all): they are left null. */
    @JsonIgnoreProperties({"queryHash", "query", "knownTags", "tableVersion", "tableChecksum", "fallbackReason",
            "shadowProbabilities", "shadowTableVersion", "shadowTableChecksum"})
    private interface ReplayedFields {
    }

    private static final ObjectMapper LEAN = JSON.copy().addMixIn(DecisionLogEntry.class, ReplayedFields.class);

    private final List<Path> files;
    private final String spec;

    private LogFiles(String spec, List<Path> files) {
        this.spec = spec;
        this.files = files;
    }

    /** The files a path, folder or glob names, sorted by path; an error when it names none. */
    public static LogFiles of(String spec) throws IOException {
        Path path = Path.of(spec);
        List<Path> files;
        int glob = firstGlobChar(spec);
        if (glob >= 0) {
            int slash = spec.lastIndexOf('/', glob);
            Path base = Path.of(slash < 0 ? "." : spec.substring(0, Math.max(1, slash)));
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + spec.substring(slash + 1));
            files = walk(base, p -> matcher.matches(base.relativize(p)));
        } else if (Files.isDirectory(path)) {
            files = walk(path, p -> !p.getFileName().toString().startsWith("."));
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new NoSuchFileException(spec, null, "no such file or folder");
        }
        if (files.isEmpty()) {
            throw new NoSuchFileException(spec, null, "matches no file");
        }
        return new LogFiles(spec, files);
    }

    public List<Path> files() {
        return files;
    }

    @Override
    public String toString() {
        return files.size() == 1 ? files.get(0).toString() : spec + " (" + files.size() + " files)";
    }

    /** Hands every record of every file to {@code sink}, in order. */
    public <T> void forEach(Class<T> type, Consumer<? super T> sink) throws IOException {
        pipelined(JSON, type, t -> true, sink);
    }

    /**
     * Hands every decision line to {@code sink} with only what replaying it needs: query hash, query, known tags,
     * table version and checksum and fallback reason are null. Outcome lines sharing the files are skipped.
     */
    public void forEachDecision(Consumer<? super DecisionLogEntry> sink) throws IOException {
        pipelined(LEAN, DecisionLogEntry.class, e -> e.chosenModel() != null && e.probabilities() != null, sink);
    }

    // Reading, gunzipping and parsing take half the work: a second thread does them ahead of the sink, through a
    // queue of a few small batches, so memory stays bounded.
    private <T> void pipelined(ObjectMapper json, Class<T> type, java.util.function.Predicate<T> keep,
                               Consumer<? super T> sink) throws IOException {
        BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        List<T> end = List.of();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            List<List<T>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
            try {
                read(json, type, e -> {
                    if (keep.test(e)) {
                        batch.get(0).add(e);
                        if (batch.get(0).size() == BATCH) {
                            put(queue, batch.get(0));
                            batch.set(0, new ArrayList<>(BATCH));
                        }
                    }
                });
                put(queue, batch.get(0));
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                try {
                    queue.put(end);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "log-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<T> b = queue.take(); b != end; b = queue.take()) {
                b.forEach(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + this, e);
        } finally {
            reader.interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        if (t != null) {
            throw new IOException(this + ": " + t.getMessage(), t);
        }
    }

    private static final int BATCH = 1024;
    private static final int QUEUED_BATCHES = 8;

    private static <T> void put(BlockingQueue<List<T>> queue, List<T> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the consumer stopped");
        }
    }

    private <T> void read(ObjectMapper json, Class<T> type, Consumer<? super T> sink) throws IOException {
        ObjectReader reader = json.readerFor(type);
        for (Path file : files) {
            try (InputStream in = open(file); MappingIterator<T> it = reader.readValues(in)) {
                while (it.hasNextValue()) {
                    sink.accept(it.nextValue());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (RuntimeException e) {
                throw new IOException(file + ": not a JSON-lines file of " + type.getSimpleName() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The file's bytes, gunzipped when it starts with the gzip magic number whatever its name. */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static int firstGlobChar(String spec) {
        for (int i = 0; i < spec.length(); i++) {
            if ("*?[{".indexOf(spec.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> walk(Path base, java.util.function.Predicate<Path> keep) throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(base)) {
            return all.filter(Files::isRegularFile).filter(keep).sorted().toList();
        }
    }
}
