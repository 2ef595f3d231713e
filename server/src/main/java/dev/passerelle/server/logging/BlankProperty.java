package dev.passerelle.server.logging;

import ch.qos.logback.core.boolex.PropertyConditionBase;

/**
 * A logback {@code <condition>}: the property {@code key} is unset or empty. Lets
 * {@code logback-spring.xml} pick Spring Boot's plain or structured appenders as Boot itself does.
 */
public class BlankProperty extends PropertyConditionBase {

    private String key;

    public void setKey(String key) {
        this.key = key;
    }

    @Override
    public boolean evaluate() {
        String value = property(key);
        return value == null || value.isBlank();
    }
}
