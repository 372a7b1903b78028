package org.law12348.app.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A dispatcher works the console in a real headless Chromium: signs in, filters the queue with the
 * region pickers, opens a ticket, reassigns it and sees the timeline entry; a second open console
 * shows a ticket that arrives meanwhile without reloading. Skips only when no chromedriver is
 * installed and CI is unset.
 */
class ConsoleBrowserTest extends ConsoleTestSupport {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");

    private final List<WebDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeEach
    void needsChromium() {
        assumeTrue(Files.isExecutable(DRIVER) || System.getenv("CI") != null,
                "chromedriver not installed (apt-get install chromium chromium-driver)");
    }

    @AfterEach
    void quit() throws IOException {
        drivers.forEach(WebDriver::quit);
        for (Path profile : profiles) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void dispatcherFiltersOpensReassignsAndSeesNewTicketsLive() throws Exception {
        String phone = newPhone();
        String number = submit("LEGAL_AID", "440106", phone, "公司拖欠工资三个月，想申请法律援助。");
        String other = submit("NOTARIZATION", "440305", phone, "办理出国留学需要的学历公证。");

        WebDriver watcher = signedIn("admin");
        watcher.get(base() + "/console");
        waitFor(watcher).until(ExpectedConditions.textToBe(By.id("live-state"), "已连接"));

        WebDriver browser = signedIn("dispatcher");
        browser.get(base() + "/console");
        new Select(waitFor(browser).until(d -> optionsLoaded(d, "province"))).selectByVisibleText("广东省");
        new Select(waitFor(browser).until(d -> optionsLoaded(d, "city"))).selectByVisibleText("广州市");
        new Select(browser.findElement(By.id("businessType"))).selectByVisibleText("法律援助");
        browser.findElement(By.id("filter-submit")).click();
        waitFor(browser).until(ExpectedConditions.urlContains("regionCode=440100"));
        String queue = browser.findElement(By.id("queue")).getText();
        assertThat(queue).contains(number).doesNotContain(other);

        browser.findElement(By.linkText(number)).click();
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("ticket-number"), number));
        new Select(browser.findElement(By.id("reassign-unit"))).selectByVisibleText("深圳市法律援助中心");
        browser.findElement(By.id("reassign-reason")).sendKeys("当事人在深圳务工");
        browser.findElement(By.id("reassign-submit")).click();
        waitFor(browser).until(ExpectedConditions.textToBe(By.id("notice"), "已转派"));
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("已转派").contains("转派至深圳市法律援助中心：当事人在深圳务工").contains("dispatcher");
        assertThat(browser.findElement(By.id("ticket-unit")).getText()).isEqualTo("深圳市法律援助中心");

        String arriving = submit("MEDIATION", "440106", newPhone(), "邻居装修噪音扰民，希望调解。");
        relay.relayPending();
        waitFor(watcher).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#live-list li[data-number='" + arriving + "']")));
        assertThat(watcher.findElement(By.id("live-list")).getText()).contains("新工单 " + arriving);
    }

    private WebDriver signedIn(String username) throws IOException {
        Path profile = Files.createTempDirectory("chromium-console-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        drivers.add(driver);
        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo12348");
        driver.findElement(By.id("login-submit")).click();
        waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));
        return driver;
    }

    private static org.openqa.selenium.WebElement optionsLoaded(WebDriver driver, String id) {
        org.openqa.selenium.WebElement select = driver.findElement(By.id(id));
        return select.findElements(By.tagName("option")).size() > 1 ? select : null;
    }

    private static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
