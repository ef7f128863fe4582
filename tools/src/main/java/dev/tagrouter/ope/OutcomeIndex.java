package dev.tagrouter.ope;

import dev.tagrouter.decisionlog.OutcomeLogEntry;
import dev.tagrouter.decisionlog.RequestIdHash;

import java.io.IOException;

/**
 * Outcomes by request id in 16 bytes a slot (at most 70% of the slots used), so that ten million of them join a streamed decision log in a few
 * hundred megabytes: the id is kept as its {@link RequestIdHash}, the reward and the real cost as floats. The first outcome of a request id wins, as on the service.
 */
public final class OutcomeIndex {

    private long[] keys = new long[1 << 10];
    private float[] rewards = new float[keys.length];
    private float[] costs = new float[keys.length];
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
        if (keys[slot] == key) {
            duplicates++;
            return;
        }
        keys[slot] = key;
        rewards[slot] = (float) reward;
        costs[slot] = outcome.costUsd() == null ? Float.NaN : outcome.costUsd().floatValue();
        if (++size > keys.length * 0.7) {
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
        return keys[slot] == 0 ? -1 : slot;
    }

    /** The reward at a position {@link #find} returned. */
    public double reward(int position) {
        return rewards[position];
    }

    /** The real cost at a position {@link #find} returned, or NaN when none was reported. */
    public double costUsd(int position) {
        return costs[position];
    }

    /** The request's reward, or NaN when it has no outcome. */
    public double reward(String requestId) {
        int position = find(requestId);
        return position < 0 ? Double.NaN : rewards[position];
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) key & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        float[] oldRewards = rewards;
        float[] oldCosts = costs;
        keys = new long[oldKeys.length * 2];
        rewards = new float[keys.length];
        costs = new float[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                rewards[slot] = oldRewards[i];
                costs[slot] = oldCosts[i];
            }
        }
    }

    private static long hash(String id) {
        return RequestIdHash.of(id);
    }
}
