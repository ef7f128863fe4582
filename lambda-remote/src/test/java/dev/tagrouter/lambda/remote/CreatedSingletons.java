package dev.tagrouter.lambda.remote;

import io.quarkus.arc.Arc;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.stream.Collectors;

/** The classes of the singleton beans the running app has created so far, read without creating any. */
final class CreatedSingletons {

    private CreatedSingletons() {
    }

    static Set<Class<?>> classes() {
        return Arc.container().getActiveContext(Singleton.class).getState().getContextualInstances().keySet()
                .stream().map(bean -> bean.getBeanClass()).collect(Collectors.toSet());
    }
}
