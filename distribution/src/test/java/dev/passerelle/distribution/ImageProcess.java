package dev.passerelle.distribution;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started from an unpacked container image the way an engine starts one: in its own mount
 * and PID namespaces, the image's files read-only with tmpfs on /tmp and /data
 * ({@code src/test/image/run-rootfs.sh}), as the image's user, with only the image's environment and
 * what the test adds. The network is the host's, so the test reaches it on 127.0.0.1. Needs root.
 */
final class ImageProcess implements AutoCloseable {

    static final boolean RUNNING_AS_ROOT = "root".equals(System.getProperty("user.name"));

    private final Process process;

    private ImageProcess(Process process) {
        this.process = process;
    }

    static ImageProcess start(Path root, String user, Map<String, String> environment, List<String> command,
                              Path output) throws IOException {
        if (!RUNNING_AS_ROOT) {
            throw new IllegalStateException("Running the image needs root (mount namespaces, chroot), as CI has");
        }
        List<String> line = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
                System.getProperty("passerelle.image.run"), root.toString(), user.split(":")[0], "env", "-i"));
        environment.forEach((name, value) -> line.add(name + "=" + value));
        line.addAll(List.of("/usr/sbin/chroot", "--userspec=" + user, root.toString()));
        line.addAll(command);
        return new ImageProcess(new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start());
    }

    /** Its exit status, once it ended within {@code timeout}. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM to the command itself (below unshare), as an engine stops a container, then waits for the end. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
