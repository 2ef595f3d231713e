package dev.passerelle.bench.bare;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the page figures (docs/performance.md, P2 and P6): an endpoint in the same server,
 * behind the same Tomcat, valves, filters, dispatcher and interceptors, that answers the very bytes
 * the transactions page answered, with no database, no authentication and no serialisation. The
 * bench adds it to a server it starts ({@code -Dloader.path}); it is never part of Passerelle.
 */
@AutoConfiguration
public class BareEndpoint {

    /**
     * {@code PUT /bench/bare} sets the bytes, {@code GET /bench/bare} answers them as JSON; a member
     * of the configuration, so registered with it.
     */
    @RestController
    static class Bytes {

        private volatile byte[] body = "{}".getBytes();

        @PutMapping("/bench/bare")
        void set(@RequestBody byte[] bytes) {
            body = bytes;
        }

        @GetMapping(path = "/bench/bare", produces = MediaType.APPLICATION_JSON_VALUE)
        byte[] get() {
            return body;
        }
    }
}
