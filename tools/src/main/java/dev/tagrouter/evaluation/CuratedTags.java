package dev.tagrouter.evaluation;

import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.Prompt;
import dev.tagrouter.tagging.MatchedTag;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tag sources over the embedded rule tagger: curated vocabulary only (tagged once and reused by every fold), or with
 * tags mined from each fold's training prompts added, or mined tags only.
 */
final class CuratedTags implements TagSource {

    /** Whether and how mined keyword tags join the curated ones. */
    enum Mined { NONE, ADD, ONLY }

    private final RuleTagger tagger;
    private final Mined mined;
    private final int minedMinCount;
    private final int minedPerPrompt;
    private final Map<String, TagResult> cache = new HashMap<>();

    CuratedTags(RuleTagger tagger, Mined mined, int minedMinCount, int minedPerPrompt) {
        this.tagger = tagger;
        this.mined = mined;
        this.minedMinCount = minedMinCount;
        this.minedPerPrompt = minedPerPrompt;
    }

    RuleTagger tagger() {
        return tagger;
    }

    @Override
    public String name() {
        String base = "rules, max " + tagger.maxTags() + " tags";
        return switch (mined) {
            case NONE -> base;
            case ADD -> base + " + mined keywords (min count " + minedMinCount + ", " + minedPerPrompt + " per prompt)";
            case ONLY -> "mined keywords only (min count " + minedMinCount + ", " + minedPerPrompt + " per prompt)";
        };
    }

    /** Tags every prompt of the pool with the rule tagger once; later calls reuse them. */
    synchronized Map<String, TagResult> curated(List<Prompt> prompts) {
        List<Prompt> missing = prompts.stream().filter(p -> !cache.containsKey(p.id())).toList();
        cache.putAll(PromptTagging.tagAll(missing, tagger));
        return cache;
    }

    @Override
    public Map<String, TagResult> tags(PoolData data, Fold fold) {
        Map<String, TagResult> curated = curated(data.prompts());
        if (mined == Mined.NONE) {
            return curated;
        }
        List<String> training = new ArrayList<>(fold.train().length);
        for (int p : fold.train()) {
            training.add(data.prompts().get(p).text());
        }
        KeywordMiner miner = new KeywordMiner(training, minedMinCount, minedPerPrompt);
        Map<String, TagResult> tags = new HashMap<>();
        for (Prompt prompt : data.prompts()) {
            List<MatchedTag> list = new ArrayList<>();
            if (mined == Mined.ADD) {
                list.addAll(curated.get(prompt.id()).tags());
            }
            list.addAll(miner.tags(prompt.text()));
            tags.put(prompt.id(), new TagResult(list));
        }
        return tags;
    }
}
