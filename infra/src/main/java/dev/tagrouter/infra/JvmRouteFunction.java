package dev.tagrouter.infra;

import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.constructs.Construct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The Funqy {@code route} function on the managed Java runtime, for direct invocation with a JSON event. Its code is
 * the lambda module's function.zip, or lambda-remote's when a remote tagger is configured.
 *
 * <p>SnapStart only applies to published versions, so callers must invoke the {@code live} alias, not $LATEST.
 * The function starts Quarkus and primes the router in its init phase ({@code quarkus.snapstart.full-warmup},
 * {@code SnapStartHooks}), so the snapshot holds a router that has already answered, and a restore reads the
 * tagger's key again. With {@code -c aotCache=FILE} (Java 25 only) the JVM also maps a JDK 25 AOT cache shipped in
 * the code: that shortens the init phase (the snapshot's making, or a cold start where no snapshot is used), not a
 * restore.
 */
public final class JvmRouteFunction extends Construct {

    /**
     * Funqy's Amazon Lambda binding, not Quarkus's plain {@code QuarkusStreamHandler}: it is what
     * quarkus-funqy-amazon-lambda-deployment 3.34.2 writes into its generated sam.jvm.yaml and manage.sh.
     */
    public static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    public static final String ALIAS_NAME = "live";

    private final Function function;
    private final Alias alias;

    public JvmRouteFunction(Construct scope, String id, DeploymentSettings settings,
                            Optional<TaggerApiKeySecret> secret) {
        super(scope, id);
        FunctionRoleAndLogs roleAndLogs = new FunctionRoleAndLogs(this, "Access", settings.logRetentionDays(), secret);
        function = FunctionDefaults.apply(Function.Builder.create(this, "Function"), settings, roleAndLogs,
                        RouterEnvironment.forJvmRouteFunction(settings, secret))
                .description("tagrouter route (JVM, Funqy Lambda, SnapStart)")
                .runtime(settings.javaVersion() == 25 ? Runtime.JAVA_25 : Runtime.JAVA_21)
                .handler(HANDLER)
                .code(Code.fromAsset(withAotCache(Assets.existingFile(settings.jvmCodePath(), "JVM function",
                        "./mvnw -pl " + settings.lambdaModule() + " -am package", "jvmCodePath"), settings)))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        // currentVersion publishes a new version whenever code or configuration changes, which is when
        // SnapStart takes a new snapshot.
        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .build();
    }

    // A flag naming a file the zip lacks would only show as a warning in the function's log: refuse it at synth.
    private static String withAotCache(String zip, DeploymentSettings settings) {
        if (settings.aotCache().isEmpty()) {
            return zip;
        }
        try (ZipFile code = new ZipFile(zip)) {
            if (code.getEntry(settings.aotCache()) == null) {
                throw new IllegalArgumentException("aotCache " + settings.aotCache() + " is not in " + zip
                        + ": add the cache trained on Lambda's java25 runtime (infra/README.md, \"JDK 25 AOT cache\")"
                        + " to the zip, or leave aotCache unset");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
        return zip;
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }
}
