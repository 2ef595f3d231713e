package dev.passerelle.server.edge;

import org.apache.catalina.core.StandardHost;
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
        // The context is already a child of its host when customizers run, and the host creates its
        // error report valve by class name when it starts.
        factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(JsonErrorReportValve.class.getName()));
    }
}
