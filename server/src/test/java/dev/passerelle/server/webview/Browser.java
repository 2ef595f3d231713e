package dev.passerelle.server.webview;

import dev.passerelle.server.support.Chromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver ({@code apt install chromium chromium-driver}),
 * with the few moves the webview tests make: open a URL, wait for a named screen, type, click,
 * and save a screenshot of the screen. Screenshots go to {@code target/screenshots}, and also to
 * the directory named by {@code -Dpasserelle.screenshots} (the docs use {@code ../docs/screenshots}).
 */
final class Browser implements AutoCloseable {

    /** How long a screen may take to appear: covers a decoupled validation's server-side wait. */
    private static final Duration SCREEN_WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    static Browser open() {
        return open("en");
    }

    /** A browser whose user reads {@code languages} ({@code Accept-Language}, e.g. {@code fr}). */
    static Browser open(String languages) {
        return new Browser(Chromium.start(languages, 640, 1100));
    }

    void go(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Reloads the page, as the user's F5. */
    void reload() {
        driver.navigate().refresh();
    }

    /** The page's title (the browser tab's). */
    String title() {
        return driver.getTitle();
    }

    /** Runs a script in the page, as a test harness would (e.g. the integrator's listener). */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Moves to the window the page opened last (a popup). */
    void intoNewestWindow() {
        List<String> handles = List.copyOf(driver.getWindowHandles());
        driver.switchTo().window(handles.getLast());
    }

    /** Closes the popups and moves back to the first window, the one the test opened. */
    void intoFirstWindow() {
        List<String> handles = List.copyOf(driver.getWindowHandles());
        for (String popup : handles.subList(1, handles.size())) {
            driver.switchTo().window(popup);
            driver.close();
        }
        driver.switchTo().window(handles.getFirst());
    }

    /** Waits until {@code script} answers something else than null or false, and answers it. */
    Object waitFor(String script) {
        return await(d -> {
            Object value = ((JavascriptExecutor) d).executeScript(script);
            return Boolean.FALSE.equals(value) ? null : value;
        });
    }

    /** Waits until the webview shows the screen named {@code name} ({@code data-screen}), and answers it. */
    WebElement screen(String name) {
        return find("main#screen[data-screen='" + name + "']");
    }

    /** Waits for an element; when it never comes, the failure tells where the browser was and what it showed. */
    WebElement find(String css) {
        try {
            return await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new AssertionError("No " + css + " at " + driver.getCurrentUrl() + "; the page shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the element {@code css} shows {@code text}, e.g. a status line after a call. */
    void waitForText(String css, String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        await(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /**
     * Waits until {@code condition} holds. A check that runs while the page navigates (a redirect to
     * the bank and back, the webview's own reload) is aborted by Chromium; that is "not yet", not a failure.
     */
    private <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, SCREEN_WAIT).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("aborted by navigation")) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Picks the option whose value is {@code value} in the select {@code css}. */
    void choose(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void screenshot(String name) {
        Chromium.screenshot(driver, name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
