package dev.tagrouter.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lambda error payloads as the README promises them: the message starts with the code, no stack trace, and a refused
 * event is neither logged at ERROR nor quoted in the log.
 */
@QuarkusTest
class LambdaErrorTest {

    private static final String SECRET = "qmk-private-words";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aRefusalStartsWithItsCodeAndIsNotAnError() {
        given().contentType(ContentType.JSON).body("{\"query\": 7, \"sessionId\": \"" + SECRET + "\"}").post()
                .then().statusCode(500)
                .body("errorMessage", startsWith("INVALID_FIELD: Field 'query' must be a string"))
                .body("$", not(hasKey("stackTrace")));
        given().contentType(ContentType.JSON).body("{\"query\": \"" + SECRET + "\", \"maxCostUsd\": -1}").post()
                .then().statusCode(500)
                .body("errorMessage", startsWith("INVALID_MAX_COST: "))
                .body("$", not(hasKey("stackTrace")));
        assertNothingLoggedAtErrorOrQuoted();
    }

    @Test
    void aMalformedEventIsNotQuotedInTheLog() {
        given().contentType(ContentType.JSON).body(SECRET + " {\"query\": ").post()
                .then().statusCode(500)
                .body("$", not(hasKey("stackTrace")));
        assertNothingLoggedAtErrorOrQuoted();
    }

    private void assertNothingLoggedAtErrorOrQuoted() {
        for (LogRecord record : records) {
            String text = record.getMessage() + " " + (record.getThrown() == null ? "" : record.getThrown());
            assertTrue(record.getLevel().intValue() < Level.SEVERE.intValue(),
                    "logged at " + record.getLevel() + ": " + text);
            assertTrue(!text.contains(SECRET), "the event's text reached the log: " + text);
        }
    }
}
