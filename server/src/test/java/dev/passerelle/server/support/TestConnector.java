package dev.passerelle.server.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test connector ("Connecteur de test") as tests reach it over the API: its identity, and the
 * body of a connection on it, built once here instead of by hand in each test.
 */
public final class TestConnector {

    public static final String UUID = "338178e6-3d01-564f-9a7b-52ca442459bf";
    public static final int ID = 40;
    public static final String LOGIN = "jdupont";
    /** The password its field label announces: "Code (1234)". */
    public static final String PASSWORD = "1234";

    private TestConnector() {
    }

    /** The body that adds a connection picking {@code scenario} on {@code directaccess}, with the right password. */
    public static Fields fields(String scenario) {
        return new Fields().with("login", LOGIN).with("password", PASSWORD).with("directaccesswebsite", scenario);
    }

    /** Builder of a connection body. */
    public static final class Fields {
        private final Map<String, String> values = new LinkedHashMap<>(Map.of("connector_uuid", UUID));

        public Fields with(String name, String value) {
            values.put(name, value);
            return this;
        }

        public Fields without(String name) {
            values.remove(name);
            return this;
        }

        /** The same scenario on the {@code openapi} source. */
        public Fields onOpenapi() {
            String scenario = values.remove("directaccesswebsite");
            values.put("openapiwebsite", scenario);
            return this;
        }

        public Map<String, String> map() {
            return values;
        }
    }
}
