package dev.passerelle.server.webview;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.crypto.Secrets;
import dev.passerelle.server.support.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client application for one webview test, whose whitelisted redirect URI is this server's demo
 * callback page: the browser lands on a page that shows the callback parameters. Random ids keep
 * tests apart on a shared PostgreSQL database.
 */
record WebviewClient(long id, String redirectUri, String base) {

    static WebviewClient registerIn(ClientApplications clients, TestApi api) {
        long id = ThreadLocalRandom.current().nextLong(20_000_000L, 99_999_999_999L);
        String callback = api.base() + "/demo/callback";
        clients.register(id, "Webview test client " + id, Secrets.random(24), List.of(callback));
        return new WebviewClient(id, callback, api.base());
    }

    /** The URL of a webview flow for this client; {@code more} is an extra query string such as {@code &state=s}. */
    String url(String lang, String flow, String more) {
        return base + "/webview/" + lang + "/" + flow + "?client_id=" + id + "&redirect_uri=" + enc(redirectUri) + more;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
