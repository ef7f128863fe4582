package dev.tagrouter.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

import java.util.List;

/** The remote tagger's API key in Secrets Manager, created by the stack or imported by name. */
public final class TaggerApiKeySecret extends Construct {

    private final ISecret secret;
    private final String policyResource;

    public TaggerApiKeySecret(Construct scope, String id, String secretName, boolean create) {
        super(scope, id);
        if (create) {
            // The value is generated; put the real key in with `aws secretsmanager put-secret-value`.
            Secret created = Secret.Builder.create(this, "Secret")
                    .secretName(secretName)
                    .description("API key of tagrouter's remote tagger")
                    .build();
            secret = created;
            policyResource = created.getSecretArn();
        } else {
            secret = Secret.fromSecretNameV2(this, "Secret", secretName);
            // Secrets Manager appends six random characters to every secret ARN; an imported name does not know
            // them, so the policy matches exactly those six (AWS's documented pattern), not a free wildcard.
            policyResource = Stack.of(this).formatArn(software.amazon.awscdk.ArnComponents.builder()
                    .service("secretsmanager")
                    .resource("secret")
                    .resourceName(secretName + "-??????")
                    .arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME)
                    .build());
        }
    }

    /** ARN handed to the function; for an imported secret a partial ARN, which GetSecretValue accepts. */
    public String arnForEnvironment() {
        return secret.getSecretArn();
    }

    /** The one resource the functions may read. */
    public String policyResource() {
        return policyResource;
    }

    /** Lets the principal read this secret's value and nothing else (no DescribeSecret, no other secrets). */
    public void grantGetSecretValue(IGrantable grantee) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(policyResource))
                .build());
    }
}
