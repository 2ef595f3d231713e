package dev.passerelle.server.audit;

import java.util.function.Supplier;

/**
 * A value built from configuration rows, built again when the {@link ConfigVersion} moves. The
 * version is read before the rows, so a change committed between the two is loaded again at the
 * next call rather than missed.
 */
public final class VersionedCache<T> {

    private final ConfigVersion version;
    private final Supplier<T> loader;
    private volatile Loaded<T> loaded;

    public VersionedCache(ConfigVersion version, Supplier<T> loader) {
        this.version = version;
        this.loader = loader;
    }

    public T get() {
        if (version.changing()) {
            return loader.get(); // a change in progress sees its own rows, which are not for the others yet
        }
        long current = version.current();
        Loaded<T> value = loaded;
        if (value == null || value.version != current) {
            value = new Loaded<>(current, loader.get());
            loaded = value;
        }
        return value.value;
    }

    private record Loaded<T>(long version, T value) {
    }
}
