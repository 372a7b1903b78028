package org.law12348.app.workspace;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.internal.calls.CallLog;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotline pages in Debian's Chromium against the product (H2, AMI not configured): the call log's
 * missed calls with a recording the browser's player loads by byte ranges (and the audit of it), and
 * the wallboard, which says the PBX is not connected and still moves with the call log without a reload.
 * The wallboard's live half against the AMI test peer is covered by telephony's WallboardTest: the peer
 * lives in telephony's test sources, which the app's tests do not see.
 */
class HotlineBrowserTest extends H2WorkspaceApp {

    private static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    CallLog calls;
    @Autowired
    JdbcTemplate jdbc;

    private WorkspaceBrowser browser;

    @Test
    void dispatcherPlaysAMissedCallsRecordingAndWatchesTheWallboardMove() throws Exception {
        String missed = "1795990600." + IDS.incrementAndGet();
        Path wav = RECORDINGS.resolve("hotline-" + missed + ".wav");
        Files.write(wav, silence(8000));
        Instant now = Instant.now();
        calls.record(missed, "13800006001", now.minusSeconds(60), c -> {
            c.identify("13800006001", "440106");
            c.messageTooShort(wav.toString(), now.minusSeconds(30));
        });
        answered(now);

        browser = browser();
        browser.signIn("dispatcher");
        browser.driver.findElement(By.id("menu-calls")).click();
        browser.until(ExpectedConditions.urlContains("/workspace/calls"));
        browser.driver.findElement(By.xpath("//div[contains(@class,'el-tabs__item')][contains(.,'未接来电')]")).click();
        browser.until(ExpectedConditions.urlContains("tab=missed"));
        WebElement row = browser.until(d -> d.findElement(By.cssSelector("tr[data-call='" + missed + "']")));
        assertThat(row.getText()).contains("138****6001").contains("未接通挂机").contains("天河区");

        // the player asks for the file (with a Range header) and reads a second of audio from it
        WebElement audio = row.findElement(By.tagName("audio"));
        browser.script("arguments[0].preload = 'auto'; arguments[0].load()", audio);
        browser.until(d -> ((Number) browser.script("return arguments[0].readyState", audio)).intValue() >= 1);
        assertThat(((Number) browser.script("return arguments[0].duration", audio)).doubleValue()).isBetween(0.9, 1.1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'RECORDING_PLAYED' "
                + "and call_id = ? and actor = 'dispatcher'", Long.class, missed)).isPositive();

        browser.driver.navigate().refresh();
        browser.until(d -> d.findElement(By.cssSelector("tr[data-call='" + missed + "']")));
        assertThat(browser.driver.getCurrentUrl()).as("the tab survives a reload").contains("tab=missed");

        browser.driver.findElement(By.id("menu-wallboard")).click();
        browser.until(ExpectedConditions.textToBe(By.id("wallboard-pbx"), "未接入电话交换机"));
        assertThat(browser.text(By.id("wallboard-offline"))).contains("未接入电话交换机");
        By answeredToday = By.cssSelector("#queue-legal-consultation .answered");
        int before = Integer.parseInt(browser.text(answeredToday));
        answered(Instant.now());
        browser.until(ExpectedConditions.textToBe(answeredToday, String.valueOf(before + 1)));
        assertThat(browser.text(By.cssSelector("#queue-legal-consultation .waiting"))).isEqualTo("—");

        browser.width(390);
        assertThat(browser.horizontalOverflow()).isZero();
        browser.screenshot("wallboard-390");
        browser.open("/calls?tab=missed");
        browser.until(d -> d.findElement(By.cssSelector(".call-row audio")));
        assertThat(browser.horizontalOverflow()).isZero();
        browser.screenshot("calls-390");
    }

    private void answered(Instant at) {
        String id = "1795990700." + IDS.incrementAndGet();
        calls.record(id, "13800007001", at, c -> {
            c.queued("legal-consultation", at);
            c.connected("Agent One", 4, at.plusSeconds(4));
        });
    }

    /** A PCM WAV file of {@code samples} samples of silence at 8 kHz, 16 bit, mono: one second for 8000. */
    private static byte[] silence(int samples) {
        int data = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        return b.array();
    }
}
