package dev.tagrouter.http;

import io.quarkus.funqy.Funq;

/**
 * A trivial Funqy function in the same build: the load script's reference for what the HTTP stack alone costs
 * ({@code scripts/load-test.sh}). Only the HTTP service has it; the Lambda exports {@code route} alone.
 */
public class PingFunction {

    public record Pong(String pong) {
    }

    @Funq("ping")
    public Pong ping(Pong input) {
        return new Pong(input == null ? "" : input.pong());
    }
}
