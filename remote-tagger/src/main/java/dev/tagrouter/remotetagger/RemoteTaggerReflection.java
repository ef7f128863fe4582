package dev.tagrouter.remotetagger;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection what a native image cannot find on its own: the request body Jackson writes, and the
 * Caffeine classes the tag cache (maximum size, expire after write) is built from by name.
 */
@RegisterForReflection(targets = {ChatCompletionRequest.class, ChatCompletionRequest.Message.class},
        classNames = {"com.github.benmanes.caffeine.cache.SSMSW", "com.github.benmanes.caffeine.cache.PSWMS"})
final class RemoteTaggerReflection {
    private RemoteTaggerReflection() {
    }
}
