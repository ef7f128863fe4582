package dev.tagrouter.tagging;

/** The writing systems the rule tagger reports, each with its canonical tag. */
enum Script {
    LATIN("script-latin", 1),
    CYRILLIC("script-cyrillic", 1),
    CJK("script-cjk", 3),
    ARABIC("script-arabic", 1),
    DEVANAGARI("script-devanagari", 1),
    GREEK("script-greek", 1),
    HEBREW("script-hebrew", 1),
    THAI("script-thai", 1);

    private final String tag;
    private final int weight;

    Script(String tag, int weight) {
        this.tag = tag;
        this.weight = weight;
    }

    String tag() {
        return tag;
    }

    /** How many alphabetic letters one character is worth; a Han character is close to a word. */
    int weight() {
        return weight;
    }
}
