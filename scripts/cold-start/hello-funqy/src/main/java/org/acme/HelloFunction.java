package org.acme;

import io.quarkus.funqy.Funq;

/** The reference function: echoes a greeting, nothing else. */
public class HelloFunction {

    public record Greeting(String name) {
    }

    @Funq("hello")
    public Greeting hello(Greeting input) {
        return new Greeting("hello " + (input == null ? "world" : input.name()));
    }
}
