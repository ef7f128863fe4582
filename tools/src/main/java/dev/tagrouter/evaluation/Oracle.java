package dev.tagrouter.evaluation;

/**
 * The oracle router (TagRouter section 4.1, RouteLLM section 5): knowing the outcomes, each prompt goes to the
 * cheapest model (by real cost) whose answer was accepted, or to the cheapest model when none was. No router can
 * beat its accept rate, and none reaches it for less.
 */
final class Oracle {

    private Oracle() {
    }

    static OperatingPoint point(PoolData data, int[] prompts) {
        int[] chosen = new int[prompts.length];
        for (int i = 0; i < prompts.length; i++) {
            int p = prompts[i];
            int cheapest = -1;
            int cheapestAccepted = -1;
            for (int m = 0; m < data.modelCount(); m++) {
                if (cheapest < 0 || data.cost(p, m) < data.cost(p, cheapest)) {
                    cheapest = m;
                }
                if (data.accepted(p, m) && (cheapestAccepted < 0 || data.cost(p, m) < data.cost(p, cheapestAccepted))) {
                    cheapestAccepted = m;
                }
            }
            chosen[i] = cheapestAccepted >= 0 ? cheapestAccepted : cheapest;
        }
        return OperatingPoint.of(data, prompts, chosen, Double.NaN);
    }
}
