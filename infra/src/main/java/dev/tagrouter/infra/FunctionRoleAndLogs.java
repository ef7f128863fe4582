package dev.tagrouter.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A log group with a retention period and an execution role that may write to that log group only, and read the
 * remote tagger's secret when there is one.
 *
 * <p>Replaces the managed AWSLambdaBasicExecutionRole, whose log permissions apply to every log group
 * ({@code Resource: *}); creating the log group ourselves also removes the need for logs:CreateLogGroup.
 */
public final class FunctionRoleAndLogs extends Construct {

    private static final Map<Integer, RetentionDays> RETENTIONS = Map.ofEntries(
            Map.entry(1, RetentionDays.ONE_DAY),
            Map.entry(3, RetentionDays.THREE_DAYS),
            Map.entry(5, RetentionDays.FIVE_DAYS),
            Map.entry(7, RetentionDays.ONE_WEEK),
            Map.entry(14, RetentionDays.TWO_WEEKS),
            Map.entry(30, RetentionDays.ONE_MONTH),
            Map.entry(60, RetentionDays.TWO_MONTHS),
            Map.entry(90, RetentionDays.THREE_MONTHS),
            Map.entry(180, RetentionDays.SIX_MONTHS),
            Map.entry(365, RetentionDays.ONE_YEAR));

    private final LogGroup logGroup;
    private final Role role;

    public FunctionRoleAndLogs(Construct scope, String id, int retentionDays, Optional<TaggerApiKeySecret> secret) {
        super(scope, id);
        logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(retentionFor(retentionDays))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(secret.isPresent() ? "tagrouter function: write its own logs, read the tagger API key"
                        : "tagrouter function: write its own logs")
                .build();
        logGroup.grantWrite(role);
        secret.ifPresent(key -> key.grantGetSecretValue(role));
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    public Role role() {
        return role;
    }

    /** CloudWatch accepts only a fixed list of retention periods; reject others instead of rounding silently. */
    static RetentionDays retentionFor(int days) {
        RetentionDays retention = RETENTIONS.get(days);
        if (retention == null) {
            throw new IllegalArgumentException("logRetentionDays " + days
                    + " is not a CloudWatch retention period; use one of " + new TreeSet<>(RETENTIONS.keySet()));
        }
        return retention;
    }

}
