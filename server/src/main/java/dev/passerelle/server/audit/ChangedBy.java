package dev.passerelle.server.audit;

/**
 * Who made a configuration change, as the audit log names them.
 *
 * @param name the log's {@code actor}: {@code config token}, {@code configuration} or {@code operator <login>}
 */
public record ChangedBy(String name) {

    /** A call of the configuration API with the config token. */
    public static final ChangedBy CONFIG_TOKEN = new ChangedBy("config token");
    /** The configuration files, applied at start-up. */
    public static final ChangedBy CONFIGURATION = new ChangedBy("configuration");

    /** An operator signed in to the console. */
    public static ChangedBy operator(String login) {
        return new ChangedBy("operator " + login);
    }
}
