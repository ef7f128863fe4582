package dev.tagrouter.function;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The wall clock, as a bean, so that tests can replace it and decisions are stamped from one source. */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
