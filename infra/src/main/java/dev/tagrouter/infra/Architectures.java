package dev.tagrouter.infra;

import software.amazon.awscdk.services.lambda.Architecture;

/** Maps the {@code architecture} setting to CDK's type and to the names AWS uses for per-architecture layers. */
final class Architectures {

    private Architectures() {
    }

    static Architecture of(DeploymentSettings settings) {
        return isArm(settings) ? Architecture.ARM_64 : Architecture.X86_64;
    }

    /** Suffix of the Lambda Web Adapter layer name: LambdaAdapterLayerArm64 or LambdaAdapterLayerX86. */
    static String webAdapterLayerSuffix(DeploymentSettings settings) {
        return isArm(settings) ? "Arm64" : "X86";
    }

    private static boolean isArm(DeploymentSettings settings) {
        return settings.architecture().equals("arm64");
    }
}
