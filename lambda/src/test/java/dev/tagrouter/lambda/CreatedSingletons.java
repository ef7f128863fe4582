package dev.tagrouter.lambda;

import io.quarkus.arc.Arc;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.stream.Collectors;

/** The classes of the singleton beans the running app has created so far, read without creating any. */
final class CreatedSingletons {

    /** By name: the lean build has no such class, and the tests that look for it run there too. */
    static final String REMOTE_TAGGER_FACTORY = "dev.tagrouter.remotetagger.RemoteTaggerFactory";

    private CreatedSingletons() {
    }

    /** Their class names: a class the artifact lacks (the lean build's remote tagger) can be named too. */
    static Set<String> classNames() {
        return Arc.container().getActiveContext(Singleton.class).getState().getContextualInstances().keySet()
                .stream().map(bean -> bean.getBeanClass().getName()).collect(Collectors.toSet());
    }
}
