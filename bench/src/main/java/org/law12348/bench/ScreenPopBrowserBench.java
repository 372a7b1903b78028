package org.law12348.bench;

import org.law12348.telephony.peer.AsteriskAmiPeer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Screen-pop latency as the duty lawyer sees it: the product on PostgreSQL logged in over AMI to the
 * test peer replaying Asterisk 22's queue call (ami-06), and the desk page open in Debian's headless
 * Chromium, signed in as the demo duty lawyer, who went on duty by clicking 上线. Per call: from the
 * moment the peer starts writing AgentConnect (wall clock, microseconds) until the caller card shows
 * the call's number in the page: a MutationObserver sees {@code #caller-phone} change and stamps the
 * wall clock ({@code performance.timeOrigin + performance.now()}) in a task queued from the next
 * animation frame, i.e. after the frame that draws the card. Both clocks are the same machine's.
 * The events before AgentConnect are sent 0.5 s earlier, as the desk's phone rings. Calls run one
 * after another; each ends (AgentComplete) and the desk's 1 s wrap-up passes before the next.
 */
final class ScreenPopBrowserBench {

    private static final String LAWYER = "duty-lawyer";
    private static final String DESK = "PJSIP/1001";
    private static final long RINGING_MILLIS = 500;
    /** Marks the wall-clock time at which each caller number first became visible in the card. */
    private static final String OBSERVER = """
            window.__shown = {};
            const stamp = () => {
              const el = document.getElementById('caller-phone');
              if (!el || el.offsetParent === null) return;
              const text = el.textContent.trim();
              if (!text || text in window.__shown) return;
              window.__shown[text] = null;
              requestAnimationFrame(() => setTimeout(() => {
                window.__shown[text] = performance.timeOrigin + performance.now();
              }, 0));
            };
            new MutationObserver(stamp).observe(document.body, { subtree: true, childList: true, characterData: true });
            """;

    private ScreenPopBrowserBench() {
    }

    static Map<String, String> run(int calls) throws Exception {
        try (AsteriskAmiPeer pbx = new AsteriskAmiPeer("bench-secret");
             ConfigurableApplicationContext app = ScreenPopBench.startOnPbx(pbx, "law12348_bench_screenpop_web")) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            ChromeDriver browser = chromium();
            try {
                openDeskOnDuty(browser, base);
                int warmUp = Math.min(20, calls);
                Latencies latencies = new Latencies();
                for (int i = 0; i < warmUp + calls; i++) {
                    String caller = String.format("1380013%04d", i);
                    AsteriskAmiPeer.QueueCall call = pbx.queueCallRinging(DESK, LAWYER, caller);
                    Thread.sleep(RINGING_MILLIS);
                    Instant sent = Instant.now();
                    pbx.queueCallAnswered(call);
                    double shown = awaitShown(browser, caller.substring(0, 3) + "****" + caller.substring(7));
                    double sentMillis = sent.getEpochSecond() * 1000.0 + sent.getNano() / 1_000_000.0;
                    if (i >= warmUp) {
                        latencies.add(Math.round((shown - sentMillis) * 1000));
                    }
                    pbx.queueCallEnds(call);
                    awaitState(browser, "空闲");
                }
                Map<String, String> figures = new LinkedHashMap<>();
                String label = "screen pop in Chromium, AgentConnect sent → caller card drawn (" + latencies.count() + " calls)";
                figures.put(label + " p50", String.format("%.1f ms", latencies.percentileMillis(50)));
                figures.put(label + " p99", String.format("%.1f ms", latencies.percentileMillis(99)));
                figures.put("screen pop in Chromium max", String.format("%.1f ms", latencies.percentileMillis(100)));
                return figures;
            } finally {
                browser.quit();
            }
        }
    }

    private static void openDeskOnDuty(ChromeDriver browser, String base) {
        browser.get(base + "/workspace/sign-in");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(LAWYER);
        browser.findElement(By.id("password")).sendKeys("demo12348");
        browser.findElement(By.id("sign-in-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/sign-in"));
        browser.get(base + "/workspace/desk");
        wait.until(ExpectedConditions.textToBe(By.id("desk-state"), "未上线"));
        browser.findElement(By.id("desk-ready")).click();
        awaitState(browser, "空闲");
        ((JavascriptExecutor) browser).executeScript(OBSERVER);
    }

    private static void awaitState(ChromeDriver browser, String stateName) {
        new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(20))
                .until(ExpectedConditions.textToBe(By.id("desk-state"), stateName));
    }

    /** The wall-clock time (ms since the epoch) the page drew this number in the caller card. */
    private static double awaitShown(ChromeDriver browser, String masked) {
        Object at = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(d -> ((JavascriptExecutor) d).executeScript("return window.__shown[arguments[0]] ?? null", masked));
        return ((Number) at).doubleValue();
    }

    private static ChromeDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=zh-CN", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-bench"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
