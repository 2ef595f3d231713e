package dev.passerelle.server.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.http.*}.
 *
 * @param trustedProxies addresses or CIDR blocks (e.g. {@code 10.0.0.0/8}, {@code ::1}) of the reverse
 *                       proxies in front of the server; only a request whose TCP peer is one of them
 *                       may name the client in {@code Forwarded} or {@code X-Forwarded-For}. Empty
 *                       (the default): forwarded headers are ignored, the peer is the client.
 */
@ConfigurationProperties("passerelle.http")
public record HttpProperties(List<String> trustedProxies) {

    public HttpProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
