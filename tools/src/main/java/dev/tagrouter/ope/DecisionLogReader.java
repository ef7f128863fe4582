package dev.tagrouter.ope;

import dev.tagrouter.table.Outcome;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.decisionlog.DecisionLogEntry;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Streams the router's decision log and the outcome file (JSON lines joined by request id). */
public final class DecisionLogReader {

    /** What happened after a decision: whether the answer was accepted, and what the call really cost. */
    public record Outcome(String requestId, boolean accepted, Double judgeScore, Double realCostUsd) {
    }

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public List<DecisionLogEntry> decisions(Path file) throws IOException {
        return readAll(file, DecisionLogEntry.class);
    }

    public Map<String, Outcome> outcomes(Path file) throws IOException {
        Map<String, Outcome> byRequest = new HashMap<>();
        for (Outcome o : readAll(file, Outcome.class)) {
            byRequest.put(o.requestId(), o);
        }
        return byRequest;
    }

    private <T> List<T> readAll(Path file, Class<T> type) throws IOException {
        List<T> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<T> it = json.readerFor(type).with(JsonParser.Feature.AUTO_CLOSE_SOURCE).readValues(in)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a JSON-lines file of " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
