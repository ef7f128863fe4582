package dev.tagrouter.cost;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoizedTokenCounterTest {

    private final TokenCounter exact = TokenEncoding.CL100K_BASE.counter();

    @Test
    void aResentTurnIsNotCountedAgain() {
        AtomicInteger counted = new AtomicInteger();
        TokenCounter memo = new MemoizedTokenCounter(text -> {
            counted.incrementAndGet();
            return exact.count(text);
        }, 1024, 11, 12);
        List<String> turns = conversation(new Random(3), 20);
        for (int request = 1; request <= turns.size(); request++) {
            // Each request of a conversation resends the turns before it.
            for (String turn : turns.subList(0, request)) {
                assertEquals(exact.count(turn), memo.count(turn));
            }
        }
        assertEquals(turns.size(), counted.get(), "each turn counted once");
    }

    @Test
    void shortTextsAreCountedEachTimeAndNeverKept() {
        AtomicInteger counted = new AtomicInteger();
        TokenCounter memo = new MemoizedTokenCounter(text -> {
            counted.incrementAndGet();
            return exact.count(text);
        }, 16, 1, 2);
        String shortText = "x".repeat(MemoizedTokenCounter.MIN_CHARS - 1);
        memo.count(shortText);
        memo.count(shortText);
        assertEquals(2, counted.get());
    }

    @Test
    void countsStayExactWhenTextsFightOverOneSlot() {
        TokenCounter memo = new MemoizedTokenCounter(exact, 1, 5, 6);
        Random random = new Random(9);
        List<String> texts = conversation(random, 50);
        for (int i = 0; i < 2_000; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            assertEquals(exact.count(text), memo.count(text));
        }
    }

    @Test
    void countsStayExactUnderConcurrentUse() throws InterruptedException {
        TokenCounter memo = new MemoizedTokenCounter(exact, 8, 5, 6);
        List<String> texts = conversation(new Random(21), 40);
        int[] expected = texts.stream().mapToInt(exact::count).toArray();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger wrong = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            Random random = new Random(t);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    int k = random.nextInt(texts.size());
                    if (memo.count(texts.get(k)) != expected[k]) {
                        wrong.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, wrong.get());
    }

    @Test
    void refusesASlotCountThatIsNotAPowerOfTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MemoizedTokenCounter(exact, 1000, 1, 2));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
    }

    // Turns long enough to be remembered: prose, code and fuzzed text.
    private static List<String> conversation(Random random, int turns) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            StringBuilder text = new StringBuilder("Turn " + i + ": ");
            while (text.length() < MemoizedTokenCounter.MIN_CHARS + random.nextInt(2_000)) {
                text.append(FuzzText.next(random)).append(' ');
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
