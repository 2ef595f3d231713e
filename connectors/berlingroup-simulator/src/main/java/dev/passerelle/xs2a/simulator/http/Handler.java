package dev.passerelle.xs2a.simulator.http;

/** Serves one endpoint. */
@FunctionalInterface
public interface Handler {
    Response handle(Call call);
}
