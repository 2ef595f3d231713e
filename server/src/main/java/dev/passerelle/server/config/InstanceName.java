package dev.passerelle.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this server instance: {@code db-scheduler.scheduler-name} (what db-scheduler writes to
 * {@code scheduled_tasks.picked_by}), else the host name, as db-scheduler itself defaults. With
 * several instances on one database (docs/operations.md "Several instances") it tells which one ran
 * a step, in the support timeline.
 */
@Component
public class InstanceName {

    private final String name;

    public InstanceName(@Value("${db-scheduler.scheduler-name:}") String configured) {
        this.name = configured.isBlank() ? hostName() : configured.strip();
    }

    public String get() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
