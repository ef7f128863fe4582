package dev.tagrouter.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The prompts of the shared dev data sets (alpaca-eval-2, routellm-mmlu, routellm-gsm8k); skips when absent. */
public final class DevPrompts {

    public static final Path DATA = Path.of(System.getProperty("tagrouter.data", "/work/shared/data"));
    public static final List<String> DATASETS = List.of("alpaca-eval-2", "routellm-mmlu", "routellm-gsm8k");

    private DevPrompts() {
    }

    /** Every prompt of the three data sets, in file order; the calling test is skipped when the folder is absent. */
    public static List<String> all() {
        assumeTrue(Files.isDirectory(DATA), "the shared data set is not at " + DATA + " (-Dtagrouter.data=DIR)");
        ObjectMapper json = new ObjectMapper();
        List<String> prompts = new ArrayList<>();
        try {
            for (String dataset : DATASETS) {
                for (String line : Files.readAllLines(DATA.resolve(dataset).resolve("prompts.jsonl"))) {
                    prompts.add(json.readTree(line).get("prompt").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prompts;
    }
}
