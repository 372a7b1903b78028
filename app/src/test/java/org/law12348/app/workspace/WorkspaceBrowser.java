package org.law12348.app.workspace;

import org.law12348.app.browser.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One person's Chromium on the workspace, with the few gestures Element Plus widgets need. */
final class WorkspaceBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "workspace-screenshots");

    final ChromeDriver driver;
    private final String base;

    WorkspaceBrowser(String base) {
        this.driver = HeadlessChromium.start();
        this.base = base;
    }

    void open(String path) {
        driver.get(base + "/workspace" + path);
    }

    void signIn(String username) {
        open("/");
        until(ExpectedConditions.urlContains("/workspace/sign-in"));
        type(By.id("username"), username);
        type(By.id("password"), "demo12348");
        driver.findElement(By.id("sign-in-submit")).click();
        until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    void type(By field, String text) {
        WebElement input = until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Opens an el-select (by its input's id) and picks the visible option with this label. */
    void choose(String selectId, String label) {
        WebElement input = until(ExpectedConditions.presenceOfElementLocated(By.id(selectId)));
        WebElement select = input.findElement(By.xpath(
                "./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' el-select ')][1]"));
        until(ExpectedConditions.elementToBeClickable(select)).click();
        WebElement option = until(d -> d.findElements(By.cssSelector(".el-select-dropdown__item")).stream()
                .filter(WebElement::isDisplayed).filter(o -> o.getText().strip().startsWith(label)).findFirst()
                .orElse(null));
        // a pointer click while the dropdown still unfolds can land on a neighbouring option: click the element itself
        script("arguments[0].click()", option);
        until(d -> d.findElements(By.cssSelector(".el-select-dropdown")).stream().noneMatch(WebElement::isDisplayed));
        until(d -> select.getText().strip().startsWith(label));
    }

    /** Waits for an ElMessage with this text (the confirmation of every action). */
    String message(String text) {
        return until(d -> d.findElements(By.cssSelector(".el-message__content")).stream()
                .map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null));
    }

    String text(By element) {
        return until(ExpectedConditions.visibilityOfElementLocated(element)).getText();
    }

    <T> T until(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        // a page re-rendering (a confirmation fading out, a list reloading) leaves found elements stale: look again
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 1000));
    }

    /** Waits until the page shows no loading mask or skeleton: its data has arrived. */
    void settled() {
        until(d -> ((Number) script("return [...document.querySelectorAll('.el-loading-mask, .el-skeleton')]"
                + ".filter(e => e.offsetParent !== null).length")).intValue() == 0);
    }

    /** How many pixels the page is wider than the window (0 when nothing scrolls sideways). */
    long horizontalOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
    }

    /** The text a person sees on the page (hidden elements excluded). */
    String visibleText() {
        return (String) script("return document.body.innerText");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 120, 800), 4000)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<WebElement> all(By selector) {
        return driver.findElements(selector);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
