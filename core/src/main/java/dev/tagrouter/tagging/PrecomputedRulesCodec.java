package dev.tagrouter.tagging;

import dev.tagrouter.precomputed.PartFile;
import dev.tagrouter.precomputed.PartReader;
import dev.tagrouter.precomputed.PartWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule tagger's {@link CompiledRules} in the form the build precomputes: the parsed vocabulary rules in file
 * order, the alias matcher's words, trie arrays and alias targets, and the stop words with their language bits.
 * Reading it parses no vocabulary text, normalises no alias and builds no trie.
 */
public final class PrecomputedRulesCodec {

    static final PartFile FILE = new PartFile("TRRULE01", "precomputed rule tagger");

    /** Writes rules compiled from text, in the form {@link #read} loads. */
    public void write(CompiledRules rules, OutputStream out) throws IOException {
        FILE.write(out, data -> {
            List<TagRule> ruleList = rules.vocabulary().rules();
            Map<String, Integer> ruleIds = new HashMap<>();
            data.writeInt(ruleList.size());
            for (TagRule rule : ruleList) {
                ruleIds.put(rule.name(), ruleIds.size());
                data.writeString(rule.name());
                data.writeString(rule.category().name());
                data.writeStrings(rule.strongAliases());
                data.writeStrings(rule.weakAliases());
                data.writeStrings(rule.implies());
                data.writeStrings(rule.context());
                data.writeStrings(rule.unless());
                data.writeInt(rule.when().size());
                for (Set<String> combination : rule.when()) {
                    data.writeStrings(combination);
                }
                data.writeBoolean(rule.textMatch());
            }
            AliasMatcher aliases = rules.aliases();
            data.writeStrings(aliases.words());
            PhraseTrie trie = aliases.trie();
            data.writeInts(trie.firstEdges());
            data.writeInts(trie.edgeWords());
            data.writeInts(trie.edgeTargets());
            data.writeInts(trie.phrases());
            // Each alias as its tag's position in the rules, doubled, plus one when weak: one array, one read.
            data.writeInts(aliases.refs().stream().mapToInt(r -> ruleIds.get(r.tag()) * 2 + (r.weak() ? 1 : 0))
                    .toArray());
            LanguageGuesser languages = rules.languages();
            data.writeStrings(languages.languages());
            List<String> stopWords = languages.stopWords().keySet().stream().sorted().toList(); // same bytes every build
            data.writeStrings(stopWords);
            data.writeLongs(stopWords.stream().mapToLong(w -> languages.stopWords().get(w)).toArray());
        });
    }

    /**
     * Reads the form {@link #write} produced.
     *
     * @throws IOException naming the origin when the file is cut short, of another kind or layout, changed after the
     *                     build, or holds values that do not make a tagger
     */
    public CompiledRules read(byte[] file, String origin) throws IOException {
        return FILE.read(file, origin, PrecomputedRulesCodec::readRules);
    }

    private static CompiledRules readRules(PartReader data) throws IOException {
        int ruleCount = data.count(1);
        List<TagRule> rules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            String name = data.readString();
            TagCategory category = TagCategory.valueOf(data.readString());
            List<String> strong = data.readStrings();
            List<String> weak = data.readStrings();
            Set<String> implies = new LinkedHashSet<>(data.readStrings());
            Set<String> context = new LinkedHashSet<>(data.readStrings());
            Set<String> unless = new LinkedHashSet<>(data.readStrings());
            int whenCount = data.count(Integer.BYTES);
            List<Set<String>> when = new ArrayList<>(whenCount);
            for (int j = 0; j < whenCount; j++) {
                when.add(new LinkedHashSet<>(data.readStrings()));
            }
            rules.add(new TagRule(name, category, strong, weak, implies, context, unless, when, data.readBoolean()));
        }
        List<String> words = data.readStrings();
        PhraseTrie trie = new PhraseTrie(data.readInts(), data.readInts(), data.readInts(), data.readInts());
        int[] refCodes = data.readInts();
        List<AliasMatcher.AliasRef> refs = new ArrayList<>(refCodes.length);
        for (int code : refCodes) {
            refs.add(new AliasMatcher.AliasRef(rules.get(code >>> 1).name(), (code & 1) == 1));
        }
        List<String> languages = data.readStrings();
        List<String> stopWords = data.readStrings();
        long[] masks = data.readLongs();
        if (masks.length != stopWords.size()) {
            throw new IOException(stopWords.size() + " stop words with " + masks.length + " language masks");
        }
        Map<String, Long> stopWordLanguages = new HashMap<>(stopWords.size() * 2);
        for (int i = 0; i < masks.length; i++) {
            stopWordLanguages.put(stopWords.get(i), masks[i]);
        }
        return new CompiledRules(TagVocabulary.precomputed(rules), new AliasMatcher(words, trie, refs),
                new LanguageGuesser(languages, stopWordLanguages));
    }
}
