package dev.tagrouter.tagging;

import dev.tagrouter.precomputed.PartFile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
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
 * order, the phrase index of normalised aliases, the alias matcher's words, trie arrays and alias targets, and the
 * stop words with their language bits. Reading it parses no vocabulary text, normalises no alias and builds no trie.
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
                data.writeUTF(rule.name());
                data.writeUTF(rule.category().name());
                PartFile.writeStrings(data, rule.strongAliases());
                PartFile.writeStrings(data, rule.weakAliases());
                PartFile.writeStrings(data, rule.implies());
                PartFile.writeStrings(data, rule.context());
                PartFile.writeStrings(data, rule.unless());
                data.writeInt(rule.when().size());
                for (Set<String> combination : rule.when()) {
                    PartFile.writeStrings(data, combination);
                }
                data.writeBoolean(rule.textMatch());
            }
            Map<String, String> index = rules.vocabulary().phraseIndex();
            data.writeInt(index.size());
            for (String phrase : index.keySet().stream().sorted().toList()) { // sorted: the same bytes every build
                data.writeUTF(phrase);
                data.writeInt(ruleIds.get(index.get(phrase)));
            }
            AliasMatcher aliases = rules.aliases();
            PartFile.writeStrings(data, aliases.words());
            PhraseTrie trie = aliases.trie();
            PartFile.writeInts(data, trie.firstEdges());
            PartFile.writeInts(data, trie.edgeWords());
            PartFile.writeInts(data, trie.edgeTargets());
            PartFile.writeInts(data, trie.phrases());
            data.writeInt(aliases.refs().size());
            for (AliasMatcher.AliasRef ref : aliases.refs()) {
                data.writeInt(ruleIds.get(ref.tag()));
                data.writeBoolean(ref.weak());
            }
            LanguageGuesser languages = rules.languages();
            PartFile.writeStrings(data, languages.languages());
            Map<String, Long> stopWords = languages.stopWords();
            data.writeInt(stopWords.size());
            for (String word : stopWords.keySet().stream().sorted().toList()) {
                data.writeUTF(word);
                data.writeLong(stopWords.get(word));
            }
        });
    }

    /**
     * Reads the form {@link #write} produced.
     *
     * @throws IOException naming the origin when the file is cut short, of another kind or layout, changed after the
     *                     build, or holds values that do not make a tagger
     */
    public CompiledRules read(byte[] file, String origin) throws IOException {
        DataInputStream data = FILE.open(file, origin);
        CompiledRules rules;
        try {
            rules = readRules(data);
        } catch (IOException | RuntimeException e) {
            throw FILE.corrupt(origin, e);
        }
        FILE.requireEnd(data, origin);
        return rules;
    }

    private static CompiledRules readRules(DataInputStream data) throws IOException {
        int ruleCount = PartFile.count(data);
        List<TagRule> rules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            String name = data.readUTF();
            TagCategory category = TagCategory.valueOf(data.readUTF());
            List<String> strong = PartFile.readStrings(data);
            List<String> weak = PartFile.readStrings(data);
            Set<String> implies = new LinkedHashSet<>(PartFile.readStrings(data));
            Set<String> context = new LinkedHashSet<>(PartFile.readStrings(data));
            Set<String> unless = new LinkedHashSet<>(PartFile.readStrings(data));
            int whenCount = PartFile.count(data);
            List<Set<String>> when = new ArrayList<>(whenCount);
            for (int j = 0; j < whenCount; j++) {
                when.add(new LinkedHashSet<>(PartFile.readStrings(data)));
            }
            rules.add(new TagRule(name, category, strong, weak, implies, context, unless, when, data.readBoolean()));
        }
        int indexSize = PartFile.count(data);
        Map<String, String> index = new HashMap<>(indexSize * 2);
        for (int i = 0; i < indexSize; i++) {
            String phrase = data.readUTF();
            index.put(phrase, rules.get(data.readInt()).name());
        }
        List<String> words = PartFile.readStrings(data);
        PhraseTrie trie = new PhraseTrie(PartFile.readInts(data), PartFile.readInts(data), PartFile.readInts(data),
                PartFile.readInts(data));
        int refCount = PartFile.count(data);
        List<AliasMatcher.AliasRef> refs = new ArrayList<>(refCount);
        for (int i = 0; i < refCount; i++) {
            refs.add(new AliasMatcher.AliasRef(rules.get(data.readInt()).name(), data.readBoolean()));
        }
        List<String> languages = PartFile.readStrings(data);
        int stopWordCount = PartFile.count(data);
        Map<String, Long> stopWords = new HashMap<>(stopWordCount * 2);
        for (int i = 0; i < stopWordCount; i++) {
            stopWords.put(data.readUTF(), data.readLong());
        }
        TagVocabulary vocabulary = TagVocabulary.precomputed(rules, index);
        return new CompiledRules(vocabulary, new AliasMatcher(words, trie, refs), new LanguageGuesser(languages,
                stopWords));
    }
}
