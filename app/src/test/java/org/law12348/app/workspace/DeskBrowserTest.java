package org.law12348.app.workspace;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.peer.AsteriskAmiPeer;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duty lawyer's desk in Chromium against the product logged in over AMI to the peer replaying
 * Asterisk 22's queue call: go on duty, a queue call connects (AgentConnect) and the caller card pops
 * up, the summary survives a reload and becomes a PHONE ticket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "law12348.demo.accounts=true", "camunda.bpm.process-engine-name=desk",
        "spring.datasource.url=jdbc:h2:mem:desk;DB_CLOSE_DELAY=-1",
        "law12348.telephony.hours.always-open=true", "law12348.telephony.ami.host=127.0.0.1",
        "law12348.telephony.ami.username=hotline", "law12348.telephony.ami.secret=desk-secret",
        "law12348.telephony.ami.reconnect-min=100ms"})
class DeskBrowserTest extends WorkspaceBrowserTestBase {

    static final AsteriskAmiPeer PBX = startPeer();
    private static final Pattern TICKET = Pattern.compile("GD\\d{8}-\\d{6}");

    @DynamicPropertySource
    static void ami(DynamicPropertyRegistry registry) {
        registry.add("law12348.telephony.ami.port", PBX::port);
    }

    @Autowired
    PhoneDesks desks;
    @Autowired
    JdbcTemplate jdbc;

    private WorkspaceBrowser lawyer;

    @Test
    void aQueueCallPopsTheCallerCardAndItsSummaryBecomesAPhoneTicket() throws Exception {
        lawyer = browser();
        lawyer.signIn("duty-lawyer");
        lawyer.driver.findElement(By.id("menu-desk")).click();
        lawyer.until(ExpectedConditions.textToBe(By.id("desk-state"), "未上线"));
        lawyer.until(d -> desks.pbxConnected());
        lawyer.driver.findElement(By.id("desk-ready")).click();
        lawyer.until(ExpectedConditions.textToBe(By.id("desk-state"), "空闲"));
        lawyer.until(d -> PBX.member("legal-consultation", "PJSIP/1001").filter(m -> !m.paused()).isPresent());

        // a first call warms the product up (JIT, first queries); the screen pop of the second one is timed
        AsteriskAmiPeer.QueueCall first = PBX.queueCallConnects("PJSIP/1001", "duty-lawyer", "13800130001");
        lawyer.until(ExpectedConditions.textToBe(By.id("caller-phone"), "138****0001"));
        PBX.queueCallEnds(first);
        lawyer.until(ExpectedConditions.textToBe(By.id("desk-state"), "话后处理"));

        AsteriskAmiPeer.QueueCall call = PBX.queueCallRinging("PJSIP/1001", "duty-lawyer", "13800134567");
        lawyer.until(d -> jdbc.queryForObject("select count(*) from call_record where call_id = ?", Integer.class,
                call.uniqueId()) == 1);
        long connected = System.nanoTime();
        PBX.queueCallAnswered(call);
        lawyer.until(ExpectedConditions.textToBe(By.id("caller-phone"), "138****4567"));
        long millis = (System.nanoTime() - connected) / 1_000_000;
        assertThat(millis).as("caller card shown %d ms after AgentConnect", millis).isLessThanOrEqualTo(1000);
        assertThat(lawyer.text(By.id("caller-region"))).isEqualTo("北京市");
        assertThat(lawyer.text(By.id("caller-business"))).isEqualTo("法律咨询");
        lawyer.until(ExpectedConditions.textToBe(By.id("desk-state"), "通话中"));

        lawyer.type(By.id("summary-text"), "来电咨询单位拖欠工资如何维权，已告知可申请劳动仲裁。");
        lawyer.driver.navigate().refresh();
        lawyer.until(ExpectedConditions.visibilityOfElementLocated(By.id("caller-card")));
        lawyer.until(d -> d.findElement(By.id("summary-text")).getDomProperty("value").contains("劳动仲裁"));

        lawyer.driver.findElement(By.id("summary-submit")).click();
        Matcher number = TICKET.matcher(lawyer.message("已生成电话工单"));
        assertThat(number.find()).isTrue();
        assertThat(jdbc.queryForObject("select channel from ticket where number = ?", String.class, number.group()))
                .isEqualTo("PHONE");
        assertThat(jdbc.queryForObject("select ticket_number from call_record where call_id = ?", String.class,
                call.uniqueId())).isEqualTo(number.group());
        PBX.queueCallEnds(call);
        lawyer.until(ExpectedConditions.textToBe(By.id("desk-state"), "话后处理"));
        lawyer.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calls-today"), number.group()));
    }

    static AsteriskAmiPeer startPeer() {
        try {
            return new AsteriskAmiPeer("desk-secret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
