package dev.passerelle.server.domainconfig;

import java.util.List;

/** A feature's configuration keys: each feature that reads a key at run time declares it in a bean of this type. */
public interface ConfigKeys {

    List<ConfigKey<?>> keys();
}
