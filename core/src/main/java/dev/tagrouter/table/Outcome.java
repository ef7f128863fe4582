package dev.tagrouter.table;

/** A judged comparison of a model's answer with the reference answer. */
public enum Outcome {
    WIN, TIE, LOSS;

    public boolean accepted() {
        return this != LOSS;
    }
}
