package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.pki.TestPki;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the bank, in a real Chromium over HTTPS: logs in on the {@code scaRedirect} page, picks
 * accounts and allows, and the browser lands on the TPP's redirect URI. Needs Debian's {@code chromium}
 * and {@code chromium-driver}; {@code -Dpasserelle.screenshots=DIR} also saves what the pages look like.
 */
@Tag("browser")
class RedirectPageBrowserTest {

    Xs2aSimulator bank;
    HttpServer tppServer;
    WebDriver browser;

    @BeforeEach
    void start() throws IOException {
        bank = Xs2aSimulator.start(SimulatorOptions.builder().tls(TlsOptions.generated()).build());
        tppServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tppServer.createContext("/", exchange -> {
            byte[] page = "<html><body><h1 id=\"tpp\">Back at the TPP</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        tppServer.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
        // The simulator's certificate comes from a CA generated for this test, unknown to Chromium.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--ignore-certificate-errors", "--no-first-run", "--window-size=640,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("passerelle.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        tppServer.stop(0);
        bank.close();
    }

    @Test
    void aPersonLogsInPicksAnAccountAllowsAndReturnsToTheTpp() throws IOException {
        String callback = "http://127.0.0.1:" + tppServer.getAddress().getPort() + "/callback?state=abc";
        Tpp tpp = new Tpp(bank.baseUrl(), TestPki.trusting(
                bank.serverCertificateAuthority().orElseThrow()));
        Tpp.Reply created = tpp.createConsent(Tpp.consentBody(access -> {
            access.putArray("accounts");
            access.putArray("balances");
            access.putArray("transactions");
        }), null, "TPP-Redirect-URI", callback);
        String consentId = created.json().get("consentId").asText();

        browser.get(created.href("scaRedirect"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("psuId"))).sendKeys("redirect");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("login")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error"))).getText())
                .contains("2 attempts left");
        screenshot("xs2a-simulator-login");
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept")));
        List<WebElement> boxes = browser.findElements(By.name("account"));
        assertThat(boxes).hasSize(4);
        boxes.get(1).click();
        boxes.get(2).click();
        screenshot("xs2a-simulator-consent");
        browser.findElement(By.id("accept")).click();

        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tpp"))).getText())
                .isEqualTo("Back at the TPP");
        assertThat(browser.getCurrentUrl()).isEqualTo(callback);
        ConsentView consent = bank.consent(consentId).orElseThrow();
        assertThat(consent.status()).isEqualTo(ConsentStatus.VALID);
        assertThat(consent.psuId()).contains("redirect");
        assertThat(consent.accounts()).hasSize(2);
    }

    private void screenshot(String name) throws IOException {
        String dir = System.getProperty("passerelle.screenshots", "");
        if (!dir.isBlank()) {
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}
