package org.law12348.app.workspace;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.internal.desk.DeskState;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.peer.AsteriskAmiPeer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hotline desks in Chromium against the product logged in over AMI to the peer: an administrator
 * takes a queue away from the duty lawyer while on duty (asked first; the PBX drops that membership),
 * gives the dispatcher a desk and clears it again, at 1280 and 390 px; a duty lawyer dials a missed
 * call that has no ticket from the call log, and the hotline rings the desk and then the caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "law12348.demo.accounts=true", "camunda.bpm.process-engine-name=deskadmin",
        "spring.datasource.url=jdbc:h2:mem:deskadmin;DB_CLOSE_DELAY=-1",
        "law12348.telephony.hours.always-open=true", "law12348.telephony.ami.host=127.0.0.1",
        "law12348.telephony.ami.username=hotline", "law12348.telephony.ami.secret=desk-secret",
        "law12348.telephony.ami.reconnect-min=100ms", "law12348.telephony.callback.dispatch-interval=1h"})
class DeskAdminBrowserTest extends WorkspaceBrowserTestBase {

    static final AsteriskAmiPeer PBX = DeskBrowserTest.startPeer();
    static final String DESK = "PJSIP/1001";

    @DynamicPropertySource
    static void ami(DynamicPropertyRegistry registry) {
        registry.add("law12348.telephony.ami.port", PBX::port);
    }

    @Autowired
    PhoneDesks desks;
    @Autowired
    JdbcTemplate jdbc;

    private WorkspaceBrowser browser;

    @Test
    void anAdministratorTakesAQueueAwayFromTheLawyerOnDutyAndGivesAndClearsADesk() {
        browser = browser();
        browser.until(d -> desks.pbxConnected());
        desks.choose("duty-lawyer", DeskState.READY, null);
        browser.until(d -> PBX.member("legal-aid", DESK).isPresent());
        browser.signIn("admin");
        browser.driver.findElement(By.id("menu-admin/desks")).click();
        WebElement lawyer = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".desk-row[data-user='duty-lawyer']")));
        assertThat(lawyer.getText()).contains("热线值班律师", "PJSIP/1001", "法律援助队列", "空闲");
        browser.screenshot("desks-1280");

        lawyer.findElement(By.cssSelector(".desk-edit")).click();
        WebElement legalAid = browser.until(d -> d.findElements(By.cssSelector("#desk-queues .el-checkbox")).stream()
                .filter(c -> c.getText().strip().equals("法律援助")).findFirst().orElse(null));
        legalAid.click();
        browser.driver.findElement(By.id("desk-save")).click();
        WebElement question = browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".el-message-box")));
        assertThat(question.getText()).contains("正在队列中接听来电", "法律援助队列");
        browser.screenshot("desks-confirm-1280");
        question.findElement(By.xpath(".//button[contains(., '确定保存')]")).click();
        browser.message("已保存热线值班律师的坐席");
        browser.until(d -> PBX.member("legal-aid", DESK).isEmpty());
        assertThat(PBX.member("legal-consultation", DESK)).isPresent();
        assertThat(PBX.actions()).anyMatch(a -> "QueueRemove".equals(a.get("Action")) && "legal-aid".equals(a.get("Queue")));

        WebElement dispatcher = browser.driver.findElement(By.cssSelector(".desk-row[data-user='dispatcher']"));
        assertThat(dispatcher.getText()).contains("未设置坐席");
        dispatcher.findElement(By.cssSelector(".desk-edit")).click();
        browser.type(By.id("desk-interface"), "PJSIP/1002");
        browser.until(d -> d.findElements(By.cssSelector("#desk-queues .el-checkbox")).stream()
                .filter(c -> c.getText().strip().equals("人民调解")).findFirst().orElse(null)).click();
        browser.driver.findElement(By.id("desk-save")).click();
        browser.message("已保存省中心调度员的坐席");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".desk-row[data-user='dispatcher']"), "PJSIP/1002"));

        browser.width(390);
        browser.settled();
        assertThat(browser.horizontalOverflow()).isZero();
        browser.screenshot("desks-390");
        browser.driver.findElement(By.cssSelector(".desk-row[data-user='dispatcher'] .desk-clear")).click();
        WebElement clear = browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".el-message-box")));
        assertThat(clear.getText()).contains("清除后省中心调度员不再有热线坐席");
        browser.screenshot("desks-clear-390");
        clear.findElement(By.xpath(".//button[contains(., '清除')]")).click();
        browser.message("已清除省中心调度员的坐席");
        assertThat(desks.of("dispatcher")).isEmpty();
        assertThat(browser.visibleText()).doesNotContain("OFFLINE", "READY", "legal-aid");
    }

    @Test
    void aDutyLawyerDialsAMissedCallWithoutATicketFromTheCallLog() throws Exception {
        browser = browser();
        browser.until(d -> desks.pbxConnected());
        String uniqueId = "1795998000.1";
        PBX.emitEvents(PBX.queues().callerJoins("legal-aid", uniqueId, "13800137777"));
        PBX.emitEvents(PBX.queues().callerAbandons("legal-aid", uniqueId, 9));
        browser.until(d -> jdbc.queryForObject("select count(*) from call_record where call_id = ? and outcome = 'ABANDONED'",
                Integer.class, uniqueId) == 1);

        browser.signIn("duty-lawyer");
        browser.open("/calls?tab=missed");
        WebElement row = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".call-row[data-call='" + uniqueId + "']")));
        row.findElement(By.cssSelector(".dial-call")).click();
        WebElement question = browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".el-message-box")));
        assertThat(question.getText()).contains("138****7777", "将为这通来电新建电话工单");
        question.findElement(By.xpath(".//button[contains(., '拨打')]")).click();
        browser.message("正在呼叫你的坐席电话");

        String ticket = browser.until(d -> jdbc.queryForObject("select ticket_number from call_record where call_id = ?",
                String.class, uniqueId));
        Map<String, String> originate = browser.until(d -> PBX.actions().stream()
                .filter(a -> "Originate".equalsIgnoreCase(a.get("Action"))
                        && String.valueOf(a.get("Variable")).contains("HOTLINE_TICKET=" + ticket)).findFirst().orElse(null));
        assertThat(originate).containsEntry("Channel", DESK).containsEntry("Exten", "13800137777");
        browser.until(d -> jdbc.queryForList("select e.text from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = ?", String.class, ticket).stream().anyMatch(n -> n.contains("坐席与来电人已接通")));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".call-row[data-call='" + uniqueId + "']"), ticket));
        browser.width(390);
        browser.settled();
        browser.screenshot("calls-missed-dialled-390");
        assertThat(List.of(browser.horizontalOverflow())).containsOnly(0L);
    }
}
