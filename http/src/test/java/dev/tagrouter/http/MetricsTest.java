package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/** Decisions show up on the Prometheus endpoint, labelled by model, tagger and reason, beside the JVM's own meters. */
@QuarkusTest
class MetricsTest {

    @Test
    void decisionsAreCountedByModelTaggerAndReason() {
        String model = given().contentType(ContentType.JSON)
                .body("{\"query\": \"Write a haiku about autumn rain.\"}")
                .post("/v1/route").then().statusCode(200).extract().path("model");
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a haiku about autumn rain.\"}")
                .post("/route").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*tagrouter_decisions_total\\{[^}]*model=\"" + model
                        + "\"[^}]*tagger=\"rules\"[^}]*} [0-9.]+.*"))
                .body(containsString("tagrouter_estimated_cost_usd_total{model=\"" + model + "\""))
                .body(containsString("tagrouter_decision_latency_microseconds_bucket"))
                .body(org.hamcrest.Matchers.not(containsString("autumn rain")));
    }

    // Bound on the first read of the endpoint (DeferredMeterBinders), not at start-up: the series Quarkus' own JVM,
    // system and Netty binders give are all there all the same.
    @Test
    void theJvmSystemAndNettyMetersAreThere() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String series : java.util.List.of("jvm_memory_used_bytes{", "jvm_threads_live_threads ",
                "jvm_classes_loaded_classes ", "jvm_gc_overhead ", "jvm_gc_max_data_size_bytes ", "jvm_info_total{",
                "process_uptime_seconds ", "process_cpu_usage ", "system_cpu_count ", "process_files_open_files ",
                "netty_allocator_memory_used{", "netty_eventexecutor_tasks_pending{")) {
            org.junit.jupiter.api.Assertions.assertTrue(metrics.contains(series), series + " is missing");
        }
    }
}
