package dev.tagrouter.decisionlog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} request ids seen, as {@link RequestIdHash}es (about 80 bytes each), so that a repeated
 * outcome is recognised without memory growing with traffic; the oldest are forgotten first. Thread-safe.
 */
public final class RecentRequestIds {

    private final Map<Long, Boolean> recent;

    public RecentRequestIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the idempotency window must be >= 1 request id, got " + capacity);
        }
        recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers the id; false when it was already among the recent ones. */
    public synchronized boolean add(String requestId) {
        return recent.putIfAbsent(RequestIdHash.of(requestId), Boolean.TRUE) == null;
    }
}
