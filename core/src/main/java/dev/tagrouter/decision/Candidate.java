package dev.tagrouter.decision;

/**
 * A model that may answer this query: its value for the query (estimated accept rate, or the paper's summed score)
 * and its estimated cost for this query.
 */
public record Candidate(String model, double score, double costUsd) {

    // Written out, with the record's meaning: the generated ones are linked through invokedynamic on first use, which
    // cost a cold service's first answer about 13 ms (issue 14); decisions compare candidates on every request.
    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && java.util.Objects.equals(model, c.model) && Double.compare(score, c.score) == 0
                && Double.compare(costUsd, c.costUsd) == 0;
    }

    @Override
    public int hashCode() {
        return (java.util.Objects.hashCode(model) * 31 + Double.hashCode(score)) * 31 + Double.hashCode(costUsd);
    }
}
