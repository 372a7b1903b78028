package org.law12348.app.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Debian's Chromium and ChromeDriver, headless, with the flags this closed network needs. Without
 * them the browser tests are skipped — but never under CI, where {@code .ci/run} installs them.
 */
public final class HeadlessChromium {

    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final File BROWSER = new File("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        if (!DRIVER.canExecute() || !BROWSER.canExecute()) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Chromium and ChromeDriver are required under CI (see .ci/run)");
            }
            Assumptions.abort("Debian chromium/chromium-driver are not installed; skipping browser test outside CI");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--lang=zh-CN", "--window-size=1280,1000",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-test"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofMillis(0));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a Chromium profile directory", e);
        }
    }
}
