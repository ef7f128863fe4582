package dev.tagrouter.testing;

import dev.tagrouter.tagging.TagResult;
import dev.tagrouter.tagging.Tagger;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A tagger that answers as told and counts in {@code calls} how often it was asked: for tests of what is remembered. */
public record CountingTagger(AtomicInteger calls, String name, Function<String, TagResult> answer) implements Tagger {

    /** Counts the calls to another tagger, under its name. */
    public static CountingTagger of(AtomicInteger calls, Tagger tagger) {
        return new CountingTagger(calls, tagger.name(), tagger::tag);
    }

    @Override
    public TagResult tag(String text) {
        calls.incrementAndGet();
        return answer.apply(text);
    }
}
