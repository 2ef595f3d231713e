package dev.passerelle.server.edge;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.ValveBase;

/**
 * Behind a reverse proxy: when the TCP peer is one of {@code passerelle.http.trusted-proxies}, the
 * request's remote address (what rate limits key on, what logs show) becomes the client that the
 * proxies name, and its scheme the one the client used. From any other peer forwarded headers are
 * ignored, so a client cannot pick its own rate-limit bucket by sending them.
 */
final class TrustedProxyValve extends ValveBase {

    private final List<NetMask> proxies;

    TrustedProxyValve(List<String> cidrs) {
        super(true);
        this.proxies = cidrs.stream().map(TrustedProxyValve::mask).toList();
    }

    private static NetMask mask(String cidr) {
        try {
            return new NetMask(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passerelle.http.trusted-proxies: '" + cidr
                    + "' is not an address or CIDR block", e);
        }
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (ForwardedClient.ipLiteral(request.getRemoteAddr()).filter(this::trusted).isPresent()) {
            String client = ForwardedClient.resolve(request.getRemoteAddr(), request.getHeaders("Forwarded"),
                    request.getHeaders("X-Forwarded-For"), this::trusted);
            request.setRemoteAddr(client);
            request.setRemoteHost(client);
            if (ForwardedClient.secure(request.getHeaders("Forwarded"), request.getHeaders("X-Forwarded-Proto"))) {
                request.setSecure(true);
                request.getCoyoteRequest().scheme().setString("https");
            }
        }
        getNext().invoke(request, response);
    }

    private boolean trusted(InetAddress address) {
        return proxies.stream().anyMatch(mask -> mask.matches(address));
    }
}
