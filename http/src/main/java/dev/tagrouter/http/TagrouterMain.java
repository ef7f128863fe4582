package dev.tagrouter.http;

import dev.tagrouter.function.EarlyStart;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point of the HTTP service: starts loading the router's parts, then boots Quarkus alongside. */
@QuarkusMain
public class TagrouterMain {

    public static void main(String... args) {
        EarlyStart.begin();
        Quarkus.run(args);
    }
}
