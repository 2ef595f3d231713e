package dev.passerelle.server.edge;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Installs the edge in the embedded Tomcat: the trusted-proxy valve (when proxies are configured)
 * and the request-entry valve on the engine, so that they see every request, and the JSON error
 * page on the host in place of Tomcat's HTML one.
 */
@Component
class TomcatEdge implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final HttpProperties http;

    TomcatEdge(HttpProperties http) {
        this.http = http;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!http.trustedProxies().isEmpty()) {
            factory.addEngineValves(new TrustedProxyValve(http.trustedProxies()));
        }
        factory.addEngineValves(new RequestEntryValve());
        factory.addContextCustomizers(context -> jsonErrorPage((StandardHost) context.getParent()));
    }

    /**
     * The context is already a child of its host when context customizers run. The host creates its
     * error report valve by class name when it starts; Spring Boot's customizer (which runs before
     * this one) has added a plain one already, which is replaced.
     */
    private static void jsonErrorPage(StandardHost host) {
        host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
    }
}
