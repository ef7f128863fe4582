package dev.tagrouter.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the function does around a SnapStart snapshot ({@code tagrouter.snapstart.*}). */
@ConfigMapping(prefix = "tagrouter.snapstart")
public interface SnapStartSettings {

    /**
     * Routes a few representative events through the function before the snapshot, so that the classes, JSON
     * (de)serialisers and compiled code of a real event are in it; they leave no decision-log line and no metric.
     */
    @WithDefault("true")
    boolean prime();
}
