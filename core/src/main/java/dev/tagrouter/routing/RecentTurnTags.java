package dev.tagrouter.routing;

import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.tagging.MatchedTag;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.tagging.TaggerMode;
import dev.tagrouter.tagging.Tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags of a conversation's recent user turns, weighted below the routed turn's: a short last turn ("commit it")
 * keeps the topic of the exchange it belongs to. The routed turn's tags weigh 1, a tag of the user turn k turns
 * earlier weighs {@code 2^-k}, and a tag seen in several turns keeps its largest weight. At most
 * {@link #MAX_EARLIER_TURNS} earlier turns and {@link #EARLIER_CHARS} characters of them are tagged, with the embedded
 * rules only, so a conversation adds no remote tagger call and a bounded amount of work.
 */
public final class RecentTurnTags {

    /** How many earlier user turns are tagged. */
    public static final int MAX_EARLIER_TURNS = 3;
    /** How many characters of the earlier turns, together, are tagged; a longer turn is cut at the budget. */
    public static final int EARLIER_CHARS = 4_000;

    private RecentTurnTags() {
    }

    /** The weight of a tag first seen {@code turn} user turns before the routed one: 1, 1/2, 1/4, 1/8. */
    public static double weight(int turn) {
        return Math.scalb(1.0, -turn);
    }

    /**
     * The routed turn's tags as they are, then the new tags of each earlier turn, the most recent first.
     *
     * @param earlier the user's earlier turns, the most recent first
     */
    public static List<DecisionTag> tags(CompiledTable table, Tagging routed, List<String> earlier,
                                         ModalTagger tagger) {
        List<DecisionTag> tags = new ArrayList<>(routed.tags().size());
        Set<String> seen = new HashSet<>();
        for (MatchedTag tag : routed.tags()) {
            tags.add(new DecisionTag(tag.tag(), tag.match(), table.tagIndex(tag.tag()) >= 0));
            seen.add(tag.tag());
        }
        int budget = EARLIER_CHARS;
        for (int k = 0; k < Math.min(MAX_EARLIER_TURNS, earlier.size()) && budget > 0; k++) {
            String text = earlier.get(k);
            if (text.length() > budget) {
                text = text.substring(0, budget);
            }
            budget -= text.length();
            for (MatchedTag tag : tagger.tag(text, TaggerMode.RULES).tags()) {
                if (seen.add(tag.tag())) {
                    tags.add(new DecisionTag(tag.tag(), tag.match(), table.tagIndex(tag.tag()) >= 0, k + 1,
                            weight(k + 1)));
                }
            }
        }
        return tags;
    }

    /**
     * A decision's known tags as the scores take them: positions in the table, each once in order, and their
     * weights, or null weights when every tag weighs 1 (then the scores are exactly the unweighted ones).
     */
    public static Known known(CompiledTable table, List<DecisionTag> tags) {
        return known(table, tags.stream().map(DecisionTag::tag).toList(), weights(tags));
    }

    /**
     * The same from tag names and their weights, as a decision log keeps them.
     *
     * @param weights each tag's weight in the order of {@code names}; null means every weight is 1
     */
    public static Known known(CompiledTable table, List<String> names, List<Double> weights) {
        int[] positions = new int[names.size()];
        double[] known = new double[names.size()];
        boolean weighted = false;
        int n = 0;
        for (int i = 0; i < names.size(); i++) {
            int t = table.tagIndex(names.get(i));
            if (t >= 0 && !contains(positions, n, t)) {
                double w = weights == null ? 1 : weights.get(i);
                positions[n] = t;
                known[n++] = w;
                weighted |= w != 1;
            }
        }
        return new Known(Arrays.copyOf(positions, n), weighted ? Arrays.copyOf(known, n) : null);
    }

    /** The tags' weights in order, or null when every one is 1 (a turn routed alone): what a decision log keeps. */
    public static List<Double> weights(List<DecisionTag> tags) {
        return tags.stream().allMatch(t -> t.weight() == 1) ? null : tags.stream().map(DecisionTag::weight).toList();
    }

    /**
     * Known tags ready for scoring.
     *
     * @param positions the tags' positions in the table
     * @param weights   their weights in the same order; null when all are 1
     */
    public record Known(int[] positions, double[] weights) {
    }

    private static boolean contains(int[] values, int n, int value) {
        for (int i = 0; i < n; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
