package dev.passerelle.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every manifest in {@code deploy/kubernetes} against the Kubernetes API's schemas, offline: the
 * models of the official Java client, generated from Kubernetes' OpenAPI document, refuse unknown
 * properties, missing required ones and wrong types. Then what the manifests promise each other:
 * probes on the actuator, the image's user, a grace period longer than the shutdown, selectors
 * and references that meet.
 */
class KubernetesManifestsTest {

    private static final Path DIRECTORY = Project.file("deploy/kubernetes");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The kinds the manifests may use, as apiVersion/kind. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Secret", V1Secret.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "apps/v1/StatefulSet", V1StatefulSet.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class);

    private static final List<Object> objects = new ArrayList<>();

    @BeforeAll
    static void validateEveryManifest() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    objects.add(validated(file, (Map<?, ?>) document));
                }
            }
        }
        assertThat(objects).isNotEmpty();
    }

    /** The document as its API model, once the model accepted its JSON; fails the test otherwise. */
    private static Object validated(Path file, Map<?, ?> document) {
        String type = document.get("apiVersion") + "/" + document.get("kind");
        Class<?> model = MODELS.get(type);
        if (model == null) {
            fail("%s: %s is not a kind these manifests use (add its model to MODELS)", file.getFileName(), type);
        }
        try {
            return model.getMethod("fromJson", String.class).invoke(null, JSON.writeValueAsString(document));
        } catch (InvocationTargetException e) {
            throw new AssertionError(file.getFileName() + " (" + type + "): " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSchemaCheckRefusesAnUnknownPropertyAndAMissingRequiredOne() {
        Map<String, Object> typo = Map.of("apiVersion", "v1", "kind", "Service", "metadata", Map.of("name", "x"),
                "spec", Map.of("ports", List.of(Map.of("port", 80, "targetPrt", "http"))));
        Map<String, Object> noContainerName = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"), "spec", Map.of("selector", Map.of(), "template",
                        Map.of("spec", Map.of("containers", List.of(Map.of("image", "x"))))));

        for (Map<String, Object> wrong : List.of(typo, noContainerName)) {
            try {
                validated(Path.of("example.yaml"), wrong);
                fail("accepted %s", wrong);
            } catch (AssertionError expected) {
                assertThat(expected.getMessage()).startsWith("example.yaml");
            }
        }
    }

    @Test
    void theDeploymentRunsSeveralNonRootReplicasWithProbesOnTheActuatorAndResources() {
        V1Deployment deployment = one(V1Deployment.class, "passerelle");
        V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        V1Container server = pod.getContainers().getFirst();

        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(server.getImage()).isEqualTo("passerelle:" + System.getProperty("passerelle.version"));
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(Project.imageUid());
        assertThat(server.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(server.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(server.getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/tmp", "/data");
        assertThat(server.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(server.getResources().getLimits()).containsKey("memory");
        String management = configMap().get("MANAGEMENT_SERVER_PORT");
        assertThat(server.getPorts()).anyMatch(p -> "management".equals(p.getName())
                && p.getContainerPort() == Integer.parseInt(management));
        for (V1Probe probe : List.of(server.getStartupProbe(), server.getLivenessProbe(), server.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrValue()).isEqualTo("management");
        }
        assertThat(server.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
    }

    @Test
    void aStopHasTimeToFinishRunningStepsBeforeKubernetesKillsThePod() {
        V1PodSpec pod = one(V1Deployment.class, "passerelle").getSpec().getTemplate().getSpec();
        Duration shutdownMaxWait = Duration.parse("PT" + configMap().get("DB_SCHEDULER_SHUTDOWN_MAX_WAIT").toUpperCase());
        long preStop = pod.getContainers().getFirst().getLifecycle().getPreStop().getSleep().getSeconds();
        Duration webPhase = Duration.ofSeconds(30); // spring.lifecycle.timeout-per-shutdown-phase

        assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
                .isGreaterThan(shutdownMaxWait.multipliedBy(2).plus(webPhase).plusSeconds(preStop));
    }

    @Test
    void theDeploymentTakesItsSettingsFromTheConfigMapAndTheSecrets() {
        V1PodSpec pod = one(V1Deployment.class, "passerelle").getSpec().getTemplate().getSpec();
        List<V1EnvFromSource> sources = pod.getContainers().getFirst().getEnvFrom();

        assertThat(sources).anyMatch(s -> s.getConfigMapRef() != null && s.getConfigMapRef().getName().equals("passerelle"));
        assertThat(sources).anyMatch(s -> s.getSecretRef() != null && s.getSecretRef().getName().equals("passerelle"));
        assertThat(one(V1Secret.class, "passerelle").getStringData())
                .containsKeys("SPRING_DATASOURCE_PASSWORD", "PASSERELLE_CONFIG_TOKEN", "PASSERELLE_CRYPTO_ACTIVE_KEY")
                .containsKey("PASSERELLE_CRYPTO_AT_REST_KEYS_" + one(V1Secret.class, "passerelle").getStringData()
                        .get("PASSERELLE_CRYPTO_ACTIVE_KEY").toUpperCase());
        assertThat(pod.getVolumes()).anyMatch(v -> v.getSecret() != null
                && v.getSecret().getSecretName().equals("passerelle-e2e-keys"));
    }

    @Test
    void theBudgetTheAutoscalerTheServiceAndTheIngressMeetTheDeployment() {
        V1Deployment deployment = one(V1Deployment.class, "passerelle");
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        V1Service service = one(V1Service.class, "passerelle");
        V2HorizontalPodAutoscaler autoscaler = one(V2HorizontalPodAutoscaler.class, "passerelle");
        V1Ingress ingress = one(V1Ingress.class, "passerelle");

        assertThat(podLabels).containsAllEntriesOf(one(V1PodDisruptionBudget.class, "passerelle").getSpec()
                .getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("passerelle");
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(deployment.getSpec().getReplicas());
        assertThat(autoscaler.getSpec().getMetrics().getFirst().getResource().getName()).isEqualTo("cpu");
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
        var backend = ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService();
        assertThat(backend.getName()).isEqualTo("passerelle");
        assertThat(service.getSpec().getPorts()).extracting(V1ServicePort::getName).contains(backend.getPort().getName());
        List<String> containerPorts = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getPorts().stream().map(p -> p.getName()).toList();
        assertThat(service.getSpec().getPorts()).allSatisfy(port ->
                assertThat(containerPorts).contains(port.getTargetPort().getStrValue()));
    }

    @Test
    void theTrialDatabaseIsTheOneTheConfigMapNames() {
        V1StatefulSet postgres = one(V1StatefulSet.class, "passerelle-postgres");
        one(V1Service.class, "passerelle-postgres");

        assertThat(configMap().get("SPRING_DATASOURCE_URL"))
                .startsWith("jdbc:postgresql://" + postgres.getMetadata().getName() + ":5432/");
    }

    private static Map<String, String> configMap() {
        return one(V1ConfigMap.class, "passerelle").getData();
    }

    private static <T> T one(Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> name.equals(metadataName(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " in " + DIRECTORY));
    }

    private static String metadataName(Object object) {
        try {
            Object metadata = object.getClass().getMethod("getMetadata").invoke(object);
            return (String) metadata.getClass().getMethod("getName").invoke(metadata);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
