package dev.tagrouter.table;

/** Win, tie and loss counts of one model against the reference, over a set of training prompts. */
public record OutcomeCounts(int wins, int ties, int losses) {

    public static final OutcomeCounts ZERO = new OutcomeCounts(0, 0, 0);

    public OutcomeCounts {
        if (wins < 0 || ties < 0 || losses < 0) {
            throw new IllegalArgumentException("outcome counts must be >= 0, got " + wins + "/" + ties + "/" + losses);
        }
    }

    public int total() {
        return wins + ties + losses;
    }

    /** Prompts whose answer was accepted: wins and ties. */
    public int accepted() {
        return wins + ties;
    }

    /** Share of prompts whose answer was accepted (win or tie); 0 when there are none. */
    public double acceptRate() {
        int n = total();
        return n == 0 ? 0 : accepted() / (double) n;
    }

    public OutcomeCounts plus(Outcome outcome) {
        return switch (outcome) {
            case WIN -> new OutcomeCounts(wins + 1, ties, losses);
            case TIE -> new OutcomeCounts(wins, ties + 1, losses);
            case LOSS -> new OutcomeCounts(wins, ties, losses + 1);
        };
    }
}
