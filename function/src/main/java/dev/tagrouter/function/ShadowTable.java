package dev.tagrouter.function;

import dev.tagrouter.routing.ShadowRouter;

import java.util.Optional;

/** The shadow table's router when {@code tagrouter.shadow-table.path} is set; a bean, since CDI has no optional. */
public record ShadowTable(Optional<ShadowRouter> router) {
}
