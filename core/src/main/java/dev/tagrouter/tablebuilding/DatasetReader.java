package dev.tagrouter.tablebuilding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tagrouter.table.Outcome;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a preference dataset directory: {@code prompts.jsonl} ({@code id}, {@code prompt}), {@code judgments.csv}
 * ({@code prompt_id}, {@code model}, one of {@code preference}, {@code outcome} or {@code score}, optional
 * {@code output_chars}) and {@code models.csv} ({@code model}, {@code input_usd_per_mtok},
 * {@code output_usd_per_mtok}). Errors name the file and line.
 */
public final class DatasetReader {

    private final ObjectMapper json = new ObjectMapper();
    private final CsvMapper csv = new CsvMapper();

    public PreferenceDataset read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("dataset directory " + dir + " does not exist");
        }
        List<Prompt> prompts = readPrompts(dir.resolve("prompts.jsonl"));
        Map<String, Map<String, Judgment>> judgments = readJudgments(dir.resolve("judgments.csv"));
        Map<String, ModelPrice> prices = readPrices(dir.resolve("models.csv"));
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new PreferenceDataset(name == null ? dir.toString() : name.toString(), prompts, judgments, prices);
    }

    private List<Prompt> readPrompts(Path file) throws IOException {
        requireFile(file);
        List<Prompt> prompts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                prompts.add(promptLine(line, file, lineNo));
            }
        }
        return prompts;
    }

    /** One line of a prompts file: a JSON object with string fields {@code id} and {@code prompt}. */
    public Prompt promptLine(String line, Path file, int lineNo) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (IOException e) {
            throw new DatasetException(file + ":" + lineNo + ": not a JSON object");
        }
        JsonNode id = node == null ? null : node.get("id");
        JsonNode prompt = node == null ? null : node.get("prompt");
        if (id == null || !id.isTextual() || prompt == null || !prompt.isTextual()) {
            throw new DatasetException(file + ":" + lineNo + ": needs string fields 'id' and 'prompt'");
        }
        return new Prompt(id.asText(), prompt.asText());
    }

    private Map<String, Map<String, Judgment>> readJudgments(Path file) throws IOException {
        Map<String, Map<String, Judgment>> judgments = new LinkedHashMap<>();
        int line = 1;
        for (Map<String, String> row : readCsv(file)) {
            line++;
            String promptId = required(row, "prompt_id", file, line);
            String model = required(row, "model", file, line);
            double preference = number(row, "preference", file, line);
            double score = number(row, "score", file, line);
            Outcome outcome = outcome(row.get("outcome"), file, line);
            if (Double.isNaN(preference) && Double.isNaN(score) && outcome == null) {
                throw new DatasetException(file + ":" + line + ": needs a 'preference', 'outcome' or 'score' value");
            }
            double chars = number(row, "output_chars", file, line);
            judgments.computeIfAbsent(promptId, k -> new HashMap<>())
                    .put(model, new Judgment(promptId, model, preference, outcome, score,
                            Double.isNaN(chars) ? -1 : (int) chars));
        }
        return judgments;
    }

    private Map<String, ModelPrice> readPrices(Path file) throws IOException {
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        int line = 1;
        for (Map<String, String> row : readCsv(file)) {
            line++;
            String model = required(row, "model", file, line);
            double in = number(row, "input_usd_per_mtok", file, line);
            double out = number(row, "output_usd_per_mtok", file, line);
            if (Double.isNaN(in) || Double.isNaN(out)) {
                continue; // a model without a price cannot join a cost-aware pool, but may still be judged
            }
            if (in < 0 || out < 0) {
                throw new DatasetException(file + ":" + line + ": prices must be >= 0");
            }
            prices.put(model, new ModelPrice(model, in, out));
        }
        return prices;
    }

    private List<Map<String, String>> readCsv(Path file) throws IOException {
        requireFile(file);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema).readValues(in)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new DatasetException(file + ": not a CSV file with a header row: " + e.getMessage());
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("dataset file " + file + " is missing");
        }
    }

    private static String required(Map<String, String> row, String column, Path file, int line) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new DatasetException(file + ":" + line + ": column '" + column + "' is missing or empty");
        }
        return value.trim();
    }

    private static double number(Map<String, String> row, String column, Path file, int line) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new DatasetException(file + ":" + line + ": column '" + column + "' is not a finite number: "
                    + value);
        }
    }

    private static Outcome outcome(String value, Path file, int line) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "win" -> Outcome.WIN;
            case "tie" -> Outcome.TIE;
            case "loss" -> Outcome.LOSS;
            default -> throw new DatasetException(file + ":" + line + ": column 'outcome' must be win, tie or loss,"
                    + " got " + value);
        };
    }
}
