package dev.tagrouter.tagging;

import java.util.Arrays;

/** Counts the letters of each writing system in a text using Unicode script properties. */
final class ScriptDetector {

    ScriptProfile profile(String text) {
        int[] counts = new int[Script.values().length];
        int[] first = new int[counts.length];
        Arrays.fill(first, Integer.MAX_VALUE);
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            Script script = null;
            if (cp < 0x80) {
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                    script = Script.LATIN;
                }
            } else if (Character.isLetter(cp)) {
                switch (Character.UnicodeScript.of(cp)) {
                    case LATIN -> script = Script.LATIN;
                    case CYRILLIC -> script = Script.CYRILLIC;
                    case HAN -> {
                        script = Script.CJK;
                        han++;
                    }
                    case HIRAGANA, KATAKANA -> {
                        script = Script.CJK;
                        kana++;
                    }
                    case HANGUL -> {
                        script = Script.CJK;
                        hangul++;
                    }
                    case ARABIC -> script = Script.ARABIC;
                    case DEVANAGARI -> script = Script.DEVANAGARI;
                    case GREEK -> script = Script.GREEK;
                    case HEBREW -> script = Script.HEBREW;
                    case THAI -> script = Script.THAI;
                    default -> script = null;
                }
            }
            if (script != null) {
                int k = script.ordinal();
                counts[k]++;
                if (first[k] == Integer.MAX_VALUE) {
                    first[k] = i;
                }
            }
            i += Character.charCount(cp);
        }
        return new ScriptProfile(counts, first, han, kana, hangul);
    }
}
