package dev.tagrouter.remotetagger;

import dev.tagrouter.tagging.FallbackReason;

/** Hears about every call to the remote tagger that left the process (cache hits do not), for metrics. */
public interface RemoteCallObserver {

    /**
     * @param micros  wall time of the call, retry included
     * @param failure why it failed, or null when it gave tags
     */
    void onRemoteCall(long micros, FallbackReason failure);
}
