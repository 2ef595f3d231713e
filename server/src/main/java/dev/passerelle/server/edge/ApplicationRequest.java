package dev.passerelle.server.edge;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.Context;

/**
 * A request the container refused before mapping it to the application, as the application would
 * see it: under its context path, in its servlet context. Pages build their links from both. The
 * attributes a page sets while it renders (Thymeleaf's {@code th:with}) stay here: the container's
 * request, mapped to no application, fails on them (it notifies the application's listeners).
 */
final class ApplicationRequest extends HttpServletRequestWrapper {

    private final Context application;
    private final Map<String, Object> attributes = new HashMap<>();

    ApplicationRequest(HttpServletRequest refused, Context application) {
        super(refused);
        this.application = application;
    }

    @Override
    public String getContextPath() {
        return application.getPath();
    }

    @Override
    public ServletContext getServletContext() {
        return application.getServletContext();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
        attributes.forEach((name, value) -> {
            if (value == null) {
                names.remove(name);
            } else {
                names.add(name);
            }
        });
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.put(name, null); // hides the container request's own, as removing it would
    }
}
