package dev.passerelle.server.edge;

import dev.passerelle.server.api.RefusalPages;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<RefusalPages> pages;

    TomcatEdge(HttpProperties http, ObjectProvider<RefusalPages> pages) {
        this.http = http;
        this.pages = pages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!http.trustedProxies().isEmpty()) {
            factory.addEngineValves(new TrustedProxyValve(http.trustedProxies()));
        }
        factory.addEngineValves(new RequestEntryValve());
        factory.addContextCustomizers(this::jsonErrorPage);
    }

    /**
     * The context is already a child of its host when context customizers run. The host creates its
     * error report valve by class name when it starts, unless one of that class is in its pipeline:
     * ours is put there, made here since it needs the application; Spring Boot's customizer (which
     * runs before this one) has added a plain one already, which is replaced.
     */
    private void jsonErrorPage(Context application) {
        StandardHost host = (StandardHost) application.getParent();
        host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new JsonErrorReportValve(pages, application));
    }
}
