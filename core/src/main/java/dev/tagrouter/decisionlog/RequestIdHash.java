package dev.tagrouter.decisionlog;

/**
 * A 64-bit hash of a request id, for bounded-memory joins and idempotency checks: FNV-1a over the UTF-16 units, then
 * the SplitMix64 finaliser to spread the bits. Two of ten million ids collide with probability about 3e-6. Never 0,
 * so 0 can mark an empty slot.
 */
public final class RequestIdHash {

    private RequestIdHash() {
    }

    public static long of(String requestId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < requestId.length(); i++) {
            h ^= requestId.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }
}
