package dev.tagrouter.remotetagger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A fake tag generator and a fake Secrets Manager holding its API key; the router is given the secret's ARN (init
 * argument {@code secret-arn}) instead of the key, as the deployment in infra/ does. Further init arguments are
 * extra configuration.
 */
public class RemoteTaggerSecretResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:tagrouter/tagger-api-key-AbCdEf";
    public static final String SECRET_VALUE = "sk-from-secrets-manager";

    // The SDK reads region, credentials and endpoint from system properties; only this resource sets them.
    private static final Map<String, String> AWS_PROPERTIES = Map.of(
            "aws.region", "eu-west-1",
            "aws.accessKeyId", "AKIDEXAMPLE",
            "aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private String secretArn = SECRET_ARN;
    private Map<String, String> extra = Map.of();
    private FakeChatCompletionsServer generator;
    private FakeSecretsManager secrets;
    private final Map<String, String> previous = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        secretArn = initArgs.getOrDefault("secret-arn", SECRET_ARN);
        extra = new HashMap<>(initArgs);
        extra.remove("secret-arn");
    }

    @Override
    public Map<String, String> start() {
        try {
            generator = new FakeChatCompletionsServer();
            secrets = new FakeSecretsManager(Map.of(SECRET_ARN, SECRET_VALUE + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new HashMap<>(AWS_PROPERTIES);
        properties.put("aws.endpointUrlSecretsManager", secrets.endpoint());
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        Map<String, String> config = new HashMap<>(Map.of(
                "tagrouter.tagger.mode", "remote",
                "tagrouter.tagger.remote.url", generator.baseUrl(),
                // The first call of a fresh JVM loads the client; this test is about the key, not the budget.
                "tagrouter.tagger.remote.timeout", "5s",
                "tagrouter.tagger.remote.api-key-secret-arn", secretArn));
        config.putAll(extra);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(generator, new TestInjector.MatchesType(FakeChatCompletionsServer.class));
        injector.injectIntoFields(secrets, new TestInjector.MatchesType(FakeSecretsManager.class));
    }

    @Override
    public void stop() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        if (generator != null) {
            generator.close();
        }
        if (secrets != null) {
            secrets.close();
        }
    }
}
