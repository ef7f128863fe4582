package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Letter counts per writing system in one text, and which systems are substantial. */
final class ScriptProfile {

    /** A script counts when it holds at least this share of the weighted letters. */
    private static final double MIN_SHARE = 0.10;

    private final int[] counts;
    private final int[] firstIndex;
    private final int han;
    private final int kana;
    private final int hangul;

    ScriptProfile(int[] counts, int[] firstIndex, int han, int kana, int hangul) {
        this.counts = counts.clone();
        this.firstIndex = firstIndex.clone();
        this.han = han;
        this.kana = kana;
        this.hangul = hangul;
    }

    int count(Script script) {
        return counts[script.ordinal()];
    }

    int firstIndex(Script script) {
        return firstIndex[script.ordinal()];
    }

    int han() {
        return han;
    }

    int kana() {
        return kana;
    }

    int hangul() {
        return hangul;
    }

    /** Scripts with enough letters to describe the text, in order of first appearance. */
    List<Script> present() {
        long total = 0;
        for (Script s : Script.values()) {
            total += (long) counts[s.ordinal()] * s.weight();
        }
        List<Script> out = new ArrayList<>(2);
        for (Script s : Script.values()) {
            int c = counts[s.ordinal()];
            int minimum = s == Script.CJK ? 2 : 4;
            if (c >= minimum && (double) c * s.weight() >= MIN_SHARE * total) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingInt(this::firstIndex));
        return out;
    }
}
