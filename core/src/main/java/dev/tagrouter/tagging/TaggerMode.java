package dev.tagrouter.tagging;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which tagger tags a query: the embedded rules, the remote tag generator (falling back to rules), or both. */
public enum TaggerMode {
    RULES, REMOTE, HYBRID;

    /** The lower-case name used in configuration, requests and responses. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every mode's code, for messages that list the accepted values. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(TaggerMode::code).toList();
    }

    public static Optional<TaggerMode> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
