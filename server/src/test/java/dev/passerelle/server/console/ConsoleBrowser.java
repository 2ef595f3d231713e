package dev.passerelle.server.console;

import dev.passerelle.server.support.Chromium;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chromium on the console: open a page, fill and submit forms, check the page with axe-core (WCAG
 * 2.1 A and AA rules, and axe's best practices) and at a phone's width, save screenshots for the
 * docs. axe-core's script is fetched at build time into {@code target/test-classes/axe} (server/pom.xml).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final int PHONE_WIDTH = 390;
    private static final String AXE = axeSource();

    private final WebDriver driver;
    private final String root;

    ConsoleBrowser(String apiRoot, String languages) {
        this.driver = Chromium.start(languages, 1280, 1000);
        this.root = apiRoot;
    }

    void go(String path) {
        driver.get(root + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(root.length());
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String css, String visibleText) {
        new Select(find(css)).selectByVisibleText(visibleText);
    }

    void click(String css) {
        find(css).click();
    }

    /**
     * Clicks what loads another page (a link, a form's button) and waits until that page has loaded:
     * the next step must not read, or click on, the page being left.
     */
    void clickAndLoad(String css) {
        script("window.passerelleLeaving = true;");
        click(css);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.passerelleLeaving === undefined && document.readyState === 'complete';")));
    }

    /** Submits a form whose button asks to confirm: the confirmation is accepted, as the user would. */
    void clickConfirmedAndLoad(String css) {
        script("window.confirm = function () { return true; };");
        clickAndLoad(css);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The violations axe-core finds on the page, each as "rule: elements". */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        script(AXE);
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                   .then(function (result) {
                     done(result.violations.map(function (v) {
                       return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
                     }));
                   }, function (error) { done(['axe failed: ' + error]); });""");
        return (List<String>) found;
    }

    /** Whether the page, at a phone's width, needs no horizontal scrolling of the whole page. */
    boolean fitsAPhone() {
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
        try {
            Number page = (Number) script("return document.documentElement.scrollWidth;");
            Number viewport = (Number) script("return window.innerWidth;");
            return page.intValue() <= viewport.intValue();
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    void screenshot(String name) {
        Chromium.screenshot(driver, name);
    }

    void screenshotAtPhoneWidth(String name) {
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
        try {
            screenshot(name);
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String axeSource() {
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is fetched at build time: run the build's generate-test-resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
