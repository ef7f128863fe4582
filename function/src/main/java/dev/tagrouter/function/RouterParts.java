package dev.tagrouter.function;

import dev.tagrouter.cost.JtokkitTokenCounter;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagVocabulary;

import java.util.Optional;

/** The three slow parts of a router (table, tagger, tokenizer), each loading on its own thread. */
record RouterParts(Optional<String> tablePath, int maxTags, ConcurrentStartup<RoutingTable> table,
                   ConcurrentStartup<RuleTagger> tagger, ConcurrentStartup<TokenCounter> tokens) {

    // One pass over a sample query on the loading thread takes the first request's class loading off its path.
    private static final String WARM_UP = "Write a Python function that sorts a list, then explain it step by step.";

    static RouterParts load(Optional<String> tablePath, int maxTags) {
        return new RouterParts(tablePath, maxTags,
                ConcurrentStartup.start("table", () -> RoutingTableSource.load(tablePath)),
                ConcurrentStartup.start("tagger", () -> {
                    RuleTagger tagger = new RuleTagger(TagVocabulary.curated(), maxTags);
                    tagger.tag(WARM_UP);
                    return tagger;
                }),
                ConcurrentStartup.start("tokenizer", () -> {
                    TokenCounter tokens = new JtokkitTokenCounter();
                    tokens.count(WARM_UP);
                    return tokens;
                }));
    }

    boolean matches(Optional<String> path, int tags) {
        return tablePath.equals(path) && maxTags == tags;
    }
}
