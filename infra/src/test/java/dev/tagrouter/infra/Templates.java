package dev.tagrouter.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthesises the stack and digs into the resulting CloudFormation JSON. */
final class Templates {

    private Templates() {
    }

    static Template synth(DeploymentSettings settings) {
        App app = new App();
        return Template.fromStack(new TagrouterStack(app, "Test", StackProps.builder().build(), settings));
    }

    /** Properties of every resource of one type, keyed by logical id. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> properties(Template template, String type) {
        Map<String, Map<String, Object>> resources = template.findResources(type);
        Map<String, Map<String, Object>> properties = new java.util.TreeMap<>();
        resources.forEach((id, resource) -> properties.put(id, (Map<String, Object>) resource.get("Properties")));
        return properties;
    }

    /** All IAM policy statements of the template, from AWS::IAM::Policy resources. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> policyStatements(Template template) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> policy : properties(template, "AWS::IAM::Policy").values()) {
            Map<String, Object> document = (Map<String, Object>) policy.get("PolicyDocument");
            statements.addAll((List<Map<String, Object>>) document.get("Statement"));
        }
        return statements;
    }

    /** A statement's Action or Resource as a list, whether CloudFormation holds one value or several. */
    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }
}
