package dev.tagrouter.http;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Seeded pieces of hostile JSON bodies, shared by the bad-input fuzz suites. */
final class FuzzJson {

    private FuzzJson() {
    }

    /** A random JSON value, nested at most a few levels, whose objects use the given keys. */
    static String value(SplittableRandom r, int depth, String... keys) {
        return switch (depth > 3 ? r.nextInt(4) : r.nextInt(7)) {
            case 0 -> Integer.toString(r.nextInt());
            case 1 -> "\"" + "x".repeat(r.nextInt(0, 50)) + "\"";
            case 2 -> pick(r, "true", "false", "null");
            case 3 -> Double.toString(r.nextDouble() * 1e6);
            case 4 -> "[" + value(r, depth + 1, keys) + ", " + value(r, depth + 1, keys) + "]";
            case 5 -> "{\"" + pick(r, keys) + "\": " + value(r, depth + 1, keys) + "}";
            default -> "[{\"role\": \"user\", \"content\": " + value(r, depth + 1, keys) + "}]";
        };
    }

    static String truncate(String s, SplittableRandom r) {
        return s.substring(0, r.nextInt(0, s.length()));
    }

    static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
