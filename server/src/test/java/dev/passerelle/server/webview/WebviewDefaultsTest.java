package dev.passerelle.server.webview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.crypto.Secrets;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A client application's webview defaults ({@code passerelle.webview.clients.<id>.*}, issue 9,
 * webview 11): what its launches do about banks with several sources when the URL does not say.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "passerelle.webview.clients.77000001.sources=directaccess,openapi",
        "passerelle.webview.clients.77000001.account-types=checking,card"})
class WebviewDefaultsTest {

    private static final long CLIENT = 77000001L;

    @Autowired
    TestApi api;
    @Autowired
    ClientApplications clients;

    private String redirectUri;

    @BeforeEach
    void theClient() {
        redirectUri = api.base() + "/demo/callback";
        clients.register(CLIENT, "Client with webview defaults", Secrets.random(24), List.of(redirectUri));
    }

    @Test
    void aLaunchWithoutSourcesOrAccountTypesTakesTheClientsDefaults() {
        String page = connect("").text();

        assertThat(page).contains("&quot;sources&quot;:[&quot;directaccess&quot;,&quot;openapi&quot;]",
                "&quot;accountTypes&quot;:[&quot;checking&quot;,&quot;card&quot;]");
    }

    @Test
    void aLaunchParameterWinsOverTheClientsDefault() {
        String page = connect("&sources=openapi&account_types=savings").text();

        assertThat(page).contains("&quot;sources&quot;:[&quot;openapi&quot;]", "&quot;accountTypes&quot;:[&quot;savings&quot;]");
    }

    private TestApi.Response connect(String more) {
        return api.get("/webview/en/connect?client_id=" + CLIENT + "&redirect_uri=" + WebviewClient.enc(redirectUri) + more)
                .send();
    }
}
