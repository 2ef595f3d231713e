package dev.passerelle.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.passerelle.distribution.ContainerImage.Entry;
import dev.passerelle.distribution.ContainerImage.Layer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The container image the build wrote ({@code target/passerelle-image.tar}, profile {@code image}):
 * what it declares, how its layers are cut, and that it runs. No container engine runs here, so the
 * last test unpacks the layers and starts the entrypoint as an engine would (read-only root, the
 * image's user and environment; {@link ImageProcess}), then asks the API, the server's metrics (the
 * size the JVM options give the young generation) and the image's health check.
 */
class ImageIT {

    private static final String AOT_CACHE = "app/passerelle.aot";
    private static final String CONFIG_TOKEN = "image-test-config-token-0123456789";

    private static ContainerImage image;
    private static List<Layer> layers;
    private static String uid;

    @BeforeAll
    static void read() throws IOException {
        image = ContainerImage.read(Path.of(System.getProperty("passerelle.image.tar")));
        layers = image.layers();
        uid = System.getProperty("passerelle.image.uid");
    }

    @Test
    void itRunsAsANonRootUserThatTheImageDeclares() {
        assertThat(image.runConfig().get("User").asString()).isEqualTo(uid + ":" + uid).doesNotStartWith("0:");
        assertThat(file("etc/passwd")).isPresent();
        assertThat(file("data")).hasValueSatisfying(data -> {
            assertThat(data.uid()).isEqualTo(Long.parseLong(uid));
            assertThat(data.mode()).isEqualTo(0750);
        });
    }

    @Test
    void itStartsTheServerWithItsAotCacheAndDeclaresPortVolumeAndHealthCheck() {
        JsonNode config = image.runConfig();
        assertThat(strings(config.get("Entrypoint"))).containsExactly("/opt/java/bin/java", "@/app/jvm.options",
                "-XX:AOTCache=/" + AOT_CACHE, "-XX:MaxRAMPercentage=75", "-XX:-UsePerfData",
                "-jar", "/app/passerelle-server.jar");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.get("Volumes").has("/data")).isTrue();
        assertThat(strings(config.get("Env"))).contains("PASSERELLE_DATA_DIR=/data");
        assertThat(strings(config.get("Healthcheck").get("Test"))).startsWith("CMD", "/opt/java/bin/java")
                .endsWith("dev.passerelle.server.ops.HealthProbe");
    }

    @Test
    void layersGoFromTheBaseSystemToTheAotCacheAndTheBaseHasNoShell() {
        assertThat(layers).extracting(Layer::createdBy).filteredOn(name -> !name.equals("extra files"))
                .containsExactly("distribution/src/image/build-rootfs.sh: glibc, user, /tmp, /data",
                        "java runtime", "libraries", "application", "aot cache");
        assertThat(layer("aot cache").entry(AOT_CACHE)).hasValueSatisfying(aot -> assertThat(aot.size()).isPositive());
        assertThat(layer("application").entry("app/passerelle-server.jar")).isPresent();
        assertThat(layer("libraries").entries()).extracting(Entry::path).noneMatch(path -> path.contains("passerelle"));
        assertThat(file("opt/java/bin/java")).hasValueSatisfying(java -> assertThat(java.mode()).isEqualTo(0755));
        assertThat(file("lib/x86_64-linux-gnu/libc.so.6")).isPresent();
        assertThat(file("bin/sh")).isEmpty();
        assertThat(file("usr/bin/sh")).isEmpty();
    }

    @Test
    void theEntrypointServesTheApiFromAReadOnlyRootAsTheImageUserWithItsAotCache(@TempDir Path work) throws Exception {
        Path root = Files.createDirectory(work.resolve("root"));
        image.unpackTo(root);
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>();
        strings(image.runConfig().get("Env")).forEach(pair -> environment.put(pair.substring(0, pair.indexOf('=')),
                pair.substring(pair.indexOf('=') + 1)));
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("DB_SCHEDULER_SCHEDULER_NAME", "image-test");
        Map<String, String> serverEnvironment = new LinkedHashMap<>(environment);
        // The JVM stops instead of starting without the cache when it cannot use it.
        serverEnvironment.put("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");
        serverEnvironment.put("PASSERELLE_CONFIG_TOKEN", CONFIG_TOKEN);
        String user = image.runConfig().get("User").asString();
        String api = "http://127.0.0.1:" + port + "/2.0";
        HttpClient http = HttpClient.newHttpClient();

        try (ImageProcess server = ImageProcess.start(root, user, serverEnvironment,
                strings(image.runConfig().get("Entrypoint")), work.resolve("server.log"))) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                    !server.isAlive() || status(http, api + "/actuator/health/readiness") == 200);
            assertThat(server.isAlive()).as(Files.readString(work.resolve("server.log"))).isTrue();

            assertThat(http.send(HttpRequest.newBuilder(URI.create(api + "/connectors")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("Connecteur de test");
            assertThat(youngGenerationBytes(http, api)).isGreaterThanOrEqualTo(32L << 20);
            assertThat(healthCheck(root, user, environment, work)).isZero();
        }
        assertThat(healthCheck(root, user, environment, work)).isEqualTo(1);
        assertThat(Files.readString(work.resolve("server.log")))
                .contains("Passerelle is ready.", "Graceful shutdown complete");
    }

    private int healthCheck(Path root, String user, Map<String, String> environment, Path work) throws Exception {
        List<String> command = new ArrayList<>(strings(image.runConfig().get("Healthcheck").get("Test")));
        command.removeFirst(); // CMD
        try (ImageProcess check = ImageProcess.start(root, user, environment, command, work.resolve("health.log"))) {
            return check.exitCode(Duration.ofSeconds(60));
        }
    }

    /**
     * The serial collector's young generation, eden and its two survivor spaces of one size, as the
     * server's metrics tell their committed memory. It resizes it only at a full collection, which a
     * start from the AOT cache does not run: the JVM options' {@code -XX:NewSize} is what gives it its
     * size (docs/operations.md, "JVM options"). The metrics need the config token on the API's port.
     */
    private static long youngGenerationBytes(HttpClient http, String api) throws Exception {
        List<String> metrics = http.send(HttpRequest.newBuilder(URI.create(api + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + CONFIG_TOKEN).build(),
                HttpResponse.BodyHandlers.ofLines()).body().filter(line -> line.startsWith("jvm_memory_committed_bytes{"))
                .toList();
        return committed(metrics, "Eden Space") + 2 * committed(metrics, "Survivor Space");
    }

    private static long committed(List<String> metrics, String pool) {
        return metrics.stream().filter(line -> line.contains("id=\"" + pool + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no committed memory for " + pool + " in " + metrics));
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Layer layer(String createdBy) {
        return layers.stream().filter(l -> l.createdBy().equals(createdBy)).findFirst().orElseThrow();
    }

    /** The file at {@code path} as the last layer holding it leaves it. */
    private static java.util.Optional<Entry> file(String path) {
        return layers.reversed().stream().flatMap(l -> l.entry(path).stream()).findFirst();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
