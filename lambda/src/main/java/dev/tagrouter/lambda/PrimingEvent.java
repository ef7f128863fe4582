package dev.tagrouter.lambda;

import java.util.List;

/**
 * A representative Lambda event routed before a SnapStart snapshot.
 *
 * @param name    what it stands for, for the log
 * @param json    the event, as Lambda would deliver it
 * @param gateway whether it is a gateway envelope: those cannot ask for the rules tagger, so they are left out when
 *                a remote tagger would tag them (no call may leave the function before the snapshot)
 */
record PrimingEvent(String name, String json, boolean gateway) {

    /** One of each kind of query the table routes differently, and a provider body, as users send them. */
    static final List<PrimingEvent> ALL = List.of(
            route("chat", "What are good ways to spend a rainy weekend with friends?"),
            route("code", "Write a Python function that merges two sorted lists, with a unit test."),
            route("math", "Solve for x: 3x + 7 = 22. Explain each step."),
            new PrimingEvent("gateway chat/completions", """
                    {"endpoint": "chat/completions", "headers": {"x-tagrouter-cost-preference": "balanced"},
                     "body": {"model": "auto", "messages": [
                       {"role": "system", "content": "You are a concise assistant."},
                       {"role": "user", "content": "Summarise the plot of Hamlet in three sentences."}]}}""", true));

    // The rules tagger, whatever the configured mode: priming must not call a remote tagger.
    private static PrimingEvent route(String name, String query) {
        return new PrimingEvent(name, "{\"query\": \"" + query + "\", \"tagger\": \"rules\"}", false);
    }
}
