package dev.passerelle.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests ({@code apt install chromium chromium-driver}, or
 * {@code -Dpasserelle.chromium} and {@code -Dpasserelle.chromedriver}), and where their screenshots
 * go: {@code target/screenshots}, and also the directory named by {@code -Dpasserelle.screenshots}
 * (the docs use {@code ../docs/screenshots}).
 */
public final class Chromium {

    private Chromium() {
    }

    /** A browser whose user reads {@code languages} ({@code Accept-Language}, e.g. {@code fr}), in a window of that size. */
    public static WebDriver start(String languages, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        options.setBinary(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--lang=" + languages.split(",")[0]);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("passerelle.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as {@code <name>.png}. */
    public static void screenshot(WebDriver driver, String name) {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            copy(shot, Path.of("target", "screenshots"), name);
            String docs = System.getProperty("passerelle.screenshots", "");
            if (!docs.isBlank()) {
                copy(shot, Path.of(docs), name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path shot, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.copy(shot, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
