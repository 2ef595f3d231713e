package dev.passerelle.server.testclock;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Which user the work of the current thread is about. In sandbox mode the server clock reads that
 * user's own time (server time plus the user's offset, {@code POST /users/{id}/test/clock}); outside
 * a user scope, and always outside sandbox mode, the clock ignores it. Scopes nest: the inner user
 * wins until its work returns.
 */
public final class UserTime {

    private static final ThreadLocal<Long> USER = new ThreadLocal<>();

    private UserTime() {
    }

    /** Runs {@code work} in {@code userId}'s time. */
    public static void run(long userId, Runnable work) {
        try (Scope ignored = enter(userId)) {
            work.run();
        }
    }

    /** The value of {@code work} computed in {@code userId}'s time. */
    public static <T> T call(long userId, Supplier<T> work) {
        try (Scope ignored = enter(userId)) {
            return work.get();
        }
    }

    /**
     * The value of {@code work} computed in the server's own time, whatever user the current work is
     * about: for instants that the server's background work (which runs outside any user scope)
     * compares with its own clock, such as when a queued webhook is due.
     */
    public static <T> T server(Supplier<T> work) {
        try (Scope ignored = new Scope(USER.get())) {
            USER.remove();
            return work.get();
        }
    }

    /** Work from here to {@link Scope#close()} is in {@code userId}'s time (for work that throws checked exceptions). */
    public static Scope enter(long userId) {
        Scope scope = new Scope(USER.get());
        USER.set(userId);
        return scope;
    }

    /** The user of the current scope; empty outside any. */
    public static OptionalLong current() {
        Long user = USER.get();
        return user == null ? OptionalLong.empty() : OptionalLong.of(user);
    }

    /** A user scope; closing it puts back the scope it was entered in. */
    public static final class Scope implements AutoCloseable {

        private final Long outer;

        private Scope(Long outer) {
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                USER.remove();
            } else {
                USER.set(outer);
            }
        }
    }
}
