package dev.govid.keycloak.it.theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, through Debian's chromedriver: both paths are given to Selenium so it never looks
 * for (or downloads) a browser or driver of its own. Missing packages fail the build on CI and skip the browser
 * tests, loudly, on a developer machine.
 */
final class HeadlessChromium {

    static final String PACKAGES = "chromium chromium-driver";
    private static final Path CHROMIUM = Path.of(System.getProperty("govid.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("govid.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {}

    /** A German-speaking browser at desktop size (the demo realm's default language is German). */
    static ChromeDriver start() {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900",
                "--lang=de-DE",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static void requireInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String message = "Browser tests need Debian's " + CHROMIUM + " and " + CHROMEDRIVER
                + " — install them with: apt-get install -y " + PACKAGES;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true: failing instead of skipping)");
        }
        System.err.println("\n**********************************************************************");
        System.err.println("* SKIPPING THE BROWSER TESTS: " + message);
        System.err.println("**********************************************************************\n");
        Assumptions.abort(message);
    }
}
