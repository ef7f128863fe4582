package dev.tagrouter.ope;

import dev.tagrouter.decisionlog.OutcomeLogEntry;
import dev.tagrouter.decisionlog.RequestIdHash;

import java.io.IOException;

/**
 * Outcomes by request id in 16 bytes a slot (at most 70% of the slots used), so that ten million of them join a streamed decision log in a few
 * hundred megabytes: the id is kept as its {@link RequestIdHash}, the reward and the real cost as floats. The first outcome of a request id wins, as on the service.
 */
public final class OutcomeIndex {

    // Slot i holds the key at 2i and the reward and real cost (two floats) at 2i + 1: one cache line per lookup.
    private long[] slots = new long[2 << 10];
    private int capacity = 1 << 10;
    private int size;
    private long duplicates;

    /** Reads every outcome line of the files; lines without a reward (neither accepted nor score) are skipped. */
    public static OutcomeIndex read(LogFiles files) throws IOException {
        OutcomeIndex index = new OutcomeIndex();
        files.forEach(OutcomeLogEntry.class, index::add);
        return index;
    }

    public void add(OutcomeLogEntry outcome) {
        double reward = outcome.reward();
        if (outcome.requestId() == null || Double.isNaN(reward)) {
            return;
        }
        long key = hash(outcome.requestId());
        int slot = slot(key);
        if (slots[2 * slot] == key) {
            duplicates++;
            return;
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = pack((float) reward,
                outcome.costUsd() == null ? Float.NaN : outcome.costUsd().floatValue());
        if (++size > capacity * 0.7) {
            grow();
        }
    }

    public int size() {
        return size;
    }

    /** Outcomes dropped because their request id already had one. */
    public long duplicates() {
        return duplicates;
    }

    /** The request's position in the index, or -1 when it has no outcome. */
    public int find(String requestId) {
        int slot = slot(hash(requestId));
        return slots[2 * slot] == 0 ? -1 : slot;
    }

    /** The reward at a position {@link #find} returned. */
    public double reward(int position) {
        return Float.intBitsToFloat((int) (slots[2 * position + 1] >>> 32));
    }

    /** The real cost at a position {@link #find} returned, or NaN when none was reported. */
    public double costUsd(int position) {
        return Float.intBitsToFloat((int) slots[2 * position + 1]);
    }

    /** The request's reward, or NaN when it has no outcome. */
    public double reward(String requestId) {
        int position = find(requestId);
        return position < 0 ? Double.NaN : reward(position);
    }

    private static long pack(float reward, float cost) {
        return ((long) Float.floatToRawIntBits(reward) << 32) | (Float.floatToRawIntBits(cost) & 0xffffffffL);
    }

    private int slot(long key) {
        int mask = capacity - 1;
        int i = (int) key & mask;
        while (slots[2 * i] != 0 && slots[2 * i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] old = slots;
        capacity *= 2;
        slots = new long[2 * capacity];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                int slot = slot(old[i]);
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
    }

    private static long hash(String id) {
        return RequestIdHash.of(id);
    }
}
