package dev.govid.keycloak.it.theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every browser test does with a page: wait for it, say where it is, photograph it. */
final class BrowserPages {

    private BrowserPages() {}

    /** The current document's address; unlike getCurrentUrl() also right inside an iframe. */
    static String location(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return location.href"));
    }

    /** Waits up to 30 s; a page that never comes fails with where the browser is and what it shows. */
    static void waitFor(WebDriver driver, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            String text = driver.findElements(By.tagName("body")).stream()
                    .map(b -> b.getText())
                    .findFirst()
                    .orElse("");
            throw new AssertionError(
                    "waited in vain at " + location(driver) + ": " + text.substring(0, Math.min(600, text.length())),
                    e);
        }
    }

    /** The whole page at this width (the window is made as tall as the page), saved under target/screenshots. */
    static void screenshot(ChromeDriver driver, String name, int width) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, 900));
        Number height = (Number)
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
        driver.manage().window().setSize(new Dimension(width, Math.min(4000, Math.max(600, height.intValue()))));
        try {
            Path dir = Path.of(System.getProperty("govid.screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, dir.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
