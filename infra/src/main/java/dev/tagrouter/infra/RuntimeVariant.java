package dev.tagrouter.infra;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which build of the Lambda function is deployed: the JVM function.zip, the native one, or both. */
public enum RuntimeVariant {
    JVM,
    NATIVE;

    /** Parses the {@code variant} context value: {@code jvm}, {@code native} or {@code both}. */
    public static Set<RuntimeVariant> parse(String value) {
        String normalised = value.trim().toLowerCase(Locale.ROOT);
        return switch (normalised) {
            case "jvm" -> EnumSet.of(JVM);
            case "native" -> EnumSet.of(NATIVE);
            case "both" -> EnumSet.allOf(RuntimeVariant.class);
            default -> throw new IllegalArgumentException(
                    "variant must be jvm, native or both, got '" + value + "'");
        };
    }
}
