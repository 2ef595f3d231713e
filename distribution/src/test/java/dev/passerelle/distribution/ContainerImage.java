package dev.passerelle.distribution;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A container image as {@code jib:buildTar} writes it (the layout of {@code docker save}): its
 * configuration, its layers in order with the history entry naming each, and their files.
 */
final class ContainerImage {

    /** One file of a layer, with its path relative to the root ({@code app/passerelle.aot}). */
    record Entry(String path, int mode, long uid, long gid, long size, boolean directory, String linkTarget) {
    }

    /** One layer: what the image's history says made it, and its files. */
    record Layer(String createdBy, List<Entry> entries) {

        Optional<Entry> entry(String path) {
            return entries.stream().filter(e -> e.path().equals(path)).findFirst();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path tar;
    private final JsonNode config;
    private final List<String> layerFiles;

    private ContainerImage(Path tar, JsonNode config, List<String> layerFiles) {
        this.tar = tar;
        this.config = config;
        this.layerFiles = layerFiles;
    }

    static ContainerImage read(Path tar) throws IOException {
        Map<String, byte[]> metadata = new LinkedHashMap<>();
        eachEntry(tar, (entry, in) -> {
            if (entry.getName().endsWith(".json")) {
                metadata.put(entry.getName(), in.readAllBytes());
            }
        });
        JsonNode manifest = JSON.readTree(metadata.get("manifest.json")).get(0);
        List<String> layers = new ArrayList<>();
        manifest.get("Layers").forEach(layer -> layers.add(layer.asString()));
        return new ContainerImage(tar, JSON.readTree(metadata.get(manifest.get("Config").asString())), layers);
    }

    /** The image's run configuration: {@code User}, {@code Entrypoint}, {@code Healthcheck}… */
    JsonNode runConfig() {
        return config.get("config");
    }

    /** The layers, lowest first, each named by its history entry (the comment Jib writes, else created_by). */
    List<Layer> layers() throws IOException {
        List<String> createdBy = new ArrayList<>();
        config.get("history").forEach(h -> {
            if (!h.path("empty_layer").asBoolean(false)) {
                createdBy.add(h.has("comment") ? h.get("comment").asString() : h.get("created_by").asString());
            }
        });
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < layerFiles.size(); i++) {
            List<Entry> entries = new ArrayList<>();
            eachLayerEntry(layerFiles.get(i), (entry, in) -> entries.add(new Entry(relative(entry.getName()),
                    entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(), entry.getSize(),
                    entry.isDirectory(), entry.isSymbolicLink() ? entry.getLinkName() : null)));
            layers.add(new Layer(createdBy.get(i), entries));
        }
        return layers;
    }

    /** Writes the image's files into {@code root}, layer after layer, with their modes, times and (as root) owners. */
    void unpackTo(Path root) throws IOException {
        for (String layer : layerFiles) {
            eachLayerEntry(layer, (entry, in) -> {
                String path = relative(entry.getName());
                if (path.isEmpty()) {
                    return;
                }
                Path target = root.resolve(path);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    return;
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                // As an engine does: the AOT cache checks the times of the jars it was trained on.
                Files.setLastModifiedTime(target, FileTime.from(entry.getModTime().toInstant()));
                if (ImageProcess.RUNNING_AS_ROOT) {
                    Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId());
                    Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId());
                }
            });
        }
    }

    private static String relative(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder rwx = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            rwx.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }

    private interface EntryReader {
        void read(TarArchiveEntry entry, InputStream content) throws IOException;
    }

    private void eachLayerEntry(String layerFile, EntryReader reader) throws IOException {
        eachEntry(tar, (outer, in) -> {
            if (outer.getName().equals(layerFile)) {
                InputStream layer = new BufferedInputStream(in);
                layer.mark(2);
                boolean gzip = layer.read() == 0x1f && layer.read() == 0x8b;
                layer.reset();
                // Not closed: that would close the image's own stream, which the caller closes.
                TarArchiveInputStream files = new TarArchiveInputStream(gzip ? new GZIPInputStream(layer) : layer);
                for (TarArchiveEntry entry = files.getNextEntry(); entry != null; entry = files.getNextEntry()) {
                    reader.read(entry, files);
                }
            }
        });
    }

    private static void eachEntry(Path tar, EntryReader reader) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                reader.read(entry, in);
            }
        }
    }
}
