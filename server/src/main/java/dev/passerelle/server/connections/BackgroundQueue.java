package dev.passerelle.server.connections;

/**
 * Where {@link ConnectionService} puts the steps it does not run in the request
 * ({@code background=true}, docs/protocol.md §3.4, §12); the sync feature implements it on the
 * database so that any instance picks them up, and hands each back to
 * {@link ConnectionService#runQueued(BackgroundStep)}.
 */
public interface BackgroundQueue {

    void enqueue(BackgroundStep step);
}
