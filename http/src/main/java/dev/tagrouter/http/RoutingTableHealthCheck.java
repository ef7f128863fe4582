package dev.tagrouter.http;

import dev.tagrouter.routing.Router;
import dev.tagrouter.table.RoutingTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the routing table is loaded; reports which table is being served. */
@Readiness
@ApplicationScoped
public class RoutingTableHealthCheck implements HealthCheck {

    @Inject
    Router router;

    @Override
    public HealthCheckResponse call() {
        RoutingTable table = router.table().table();
        return HealthCheckResponse.named("routing-table").up()
                .withData("version", table.version())
                .withData("checksum", table.checksum())
                .withData("models", table.models().size())
                .withData("tags", table.tags().size())
                .build();
    }
}
