package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract, run against the packaged application. */
@QuarkusIntegrationTest
class RouteApiIT extends RouteApiTest {
}
