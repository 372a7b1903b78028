package org.law12348.app.citizen;

import org.openqa.selenium.By;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citizen app's web build in Chromium as a phone shows it (390 × 844 CSS pixels): finding its
 * elements through uni's wrappers, typing into its text boxes, and the scan for codes and English.
 */
final class CitizenAppPage {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;
    /** Ticket numbers are what citizens quote; everything else on a page must be words. */
    private static final Pattern TICKET_NUMBER = Pattern.compile("[A-Z]{2}\\d{8}-\\d{6}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final String base;
    private final Path screenshots;

    CitizenAppPage(ChromeDriver browser, int port, Path screenshots) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port + "/m/";
        this.screenshots = screenshots;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // a phone's viewport, as the device toolbar of Chromium emulates it
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT,
                "deviceScaleFactor", 2, "mobile", true));
    }

    /**
     * The page's next file picker stays closed and waits for {@code sendKeys} on its input: headless
     * Chromium would otherwise close it at once, which the page hears as the citizen cancelling.
     */
    void choosingFiles() {
        browser.executeCdpCommand("Page.setInterceptFileChooserDialog", Map.of("enabled", true));
    }

    void open(String route) {
        browser.get(base + (route.isEmpty() ? "" : "#" + route));
    }

    void reload() {
        browser.navigate().refresh();
    }

    WebElement visible(String css) {
        return shownOnFailure().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement present(String css) {
        return shownOnFailure().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** A wait whose failure says what the page showed instead: the first thing anyone asks of a failed run. */
    private WebDriverWait shownOnFailure() {
        WebDriverWait shown = new WebDriverWait(browser, Duration.ofSeconds(30));
        shown.withMessage(() -> "the page shows: " + shownText());
        return shown;
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    boolean shows(String css) {
        return browser.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    void tap(String css) {
        WebElement element = visible(css);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Types into a uni textarea or input: uni wraps the real one inside the element carrying the id. */
    void type(String css, String text) {
        WebElement box = visible(css + " textarea, " + css + " input");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.sendKeys(text);
        // uni's web input hands what was typed to the page at most every 100 ms (a throttle whose last
        // call comes late): a tap right after the keys would find the page without the last of them
        pause(Duration.ofMillis(200));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the script answers true: for what the page shows but no selector can say. */
    void waitUntil(String what, String script) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "waiting until " + what)
                .until(d -> Boolean.TRUE.equals(script(script)));
    }

    String text(String css) {
        return visible(css).getText().strip();
    }

    void waitForText(String css, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "waiting for '" + expected + "' in " + css + "; the page shows: " + shownText())
                .until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(expected);
        });
    }

    private String shownText() {
        try {
            return browser.findElement(By.tagName("body")).getText().replace('\n', ' ');
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    String route() {
        String url = browser.getCurrentUrl();
        int hash = url.indexOf('#');
        return hash < 0 ? "" : url.substring(hash + 1);
    }

    /** The page's visible words that are neither Chinese nor a ticket number: codes, English, field names. */
    List<String> codesOnPage() {
        String shown = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
        String words = TICKET_NUMBER.matcher(shown).replaceAll(" ");
        List<String> codes = new ArrayList<>();
        Matcher m = LATIN.matcher(words);
        while (m.find()) {
            codes.add(m.group());
        }
        return codes;
    }

    /**
     * What the phone shows, screen by screen from the top ({@code name-1.png}, {@code name-2.png}, …), as
     * a citizen scrolling the page sees it: for people to look at.
     */
    void screenshot(String name) {
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        // each screen repeats the last lines of the one before under the title bar (44 px)
        long step = HEIGHT - 120;
        int screens = (int) Math.max(1, Math.ceil((double) (height - HEIGHT) / step) + 1);
        for (int i = 0; i < screens; i++) {
            script("window.scrollTo(0, arguments[0])", i * step);
            write(name + "-" + (i + 1), browser.getScreenshotAs(OutputType.BYTES));
        }
        script("window.scrollTo(0, 0)");
    }

    /** What the phone shows right now, without scrolling: for sheets and dialogs over the page. */
    void screenshotAsShown(String name) {
        // a dialog fades in: photograph it once its transitions are over
        wait.until(d -> ((Number) script("return document.getAnimations().length")).intValue() == 0);
        write(name, browser.getScreenshotAs(OutputType.BYTES));
    }

    private void write(String name, byte[] png) {
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    WebDriverWait waiting() {
        return wait;
    }
}
