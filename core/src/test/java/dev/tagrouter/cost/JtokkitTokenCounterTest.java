package dev.tagrouter.cost;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JtokkitTokenCounterTest {

    @Test
    void loneSurrogatesAreCountedAsReplacementCharacters() {
        JtokkitTokenCounter tokens = new JtokkitTokenCounter();
        assertEquals(tokens.count("a\uFFFDb"), tokens.count("a\uD800b"));
        assertEquals(tokens.count("x\uFFFD"), tokens.count("x\uDC00"));
        assertEquals("\uD83D\uDE00 ok", JtokkitTokenCounter.withoutLoneSurrogates("\uD83D\uDE00 ok"));
        assertEquals("\uFFFD\uD83D\uDE00\uFFFD", JtokkitTokenCounter.withoutLoneSurrogates("\uDE00\uD83D\uDE00\uD83D"));
    }
}
