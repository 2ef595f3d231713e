package dev.passerelle.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.passerelle.server.support.Chromium;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The API reference page in Chromium, under the policy {@link ApiReferenceHeaders} sends with it. */
@IntegrationTest
@Tag("browser")
class ApiReferenceBrowserTest {

    @Autowired
    TestApi api;

    @Test
    void theReferencePageRendersAndOpensAnOperationWithoutBreakingItsContentSecurityPolicy() {
        WebDriver driver = Chromium.start("en", 1280, 1000);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            JavascriptExecutor page = (JavascriptExecutor) driver;
            driver.get(api.base() + "/openapi");
            // Nothing renders if the policy blocks a script or the document's fetch.
            wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() > 50);
            page.executeScript("window.violations = []; document.addEventListener('securitypolicyviolation', "
                    + "e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));");

            driver.findElements(By.cssSelector(".opblock-summary")).getFirst().click();
            wait.until(d -> !d.findElements(By.cssSelector(".opblock.is-open .opblock-body")).isEmpty());

            assertThat(page.executeScript("return window.violations")).asInstanceOf(LIST).isEmpty();
            assertThat(page.executeScript("return getComputedStyle(document.querySelector('.opblock-summary-method'))"
                    + ".backgroundColor")).isNotEqualTo("rgba(0, 0, 0, 0)");
        } finally {
            driver.quit();
        }
    }
}
