package dev.tagrouter.evaluation;

import java.util.List;

/** A named candidate pool to evaluate, e.g. {@code two-model} with its models. */
public record PoolSpec(String name, List<String> models) {

    public PoolSpec {
        models = List.copyOf(models);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pool needs a name");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("pool " + name + " names no model");
        }
        if (models.stream().distinct().count() != models.size()) {
            throw new IllegalArgumentException("pool " + name + " names a model twice: " + models);
        }
    }

    /** Parses {@code name=a,b,c}. */
    public static PoolSpec parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("a pool is NAME=model,model,...; got " + spec);
        }
        return new PoolSpec(spec.substring(0, eq).trim(), splitModels(spec.substring(eq + 1)));
    }

    static List<String> splitModels(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
