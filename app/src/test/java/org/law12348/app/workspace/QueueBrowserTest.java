package org.law12348.app.workspace;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, the dispatcher's queue in Chromium on PostgreSQL: search by a number typed in lower case
 * (opened with the / key), sort by a header on the server, save the filters as a view and pick it again,
 * check two tickets and reassign them in one go after confirming, and delete the view after confirming.
 */
class QueueBrowserTest extends PostgresWorkspaceApp {

    private WorkspaceBrowser dispatcher;

    @Test
    void dispatcherSearchesSortsSavesAViewAndReassignsTwoTicketsAtOnce() throws Exception {
        String marker = "欠薪" + letters();
        String first = submit("LEGAL_AID", "440106", "公司拖欠" + marker + "工资三个月，想申请法律援助。");
        String second = submit("LEGAL_AID", "440106", "单位拖欠" + marker + "加班费，想申请法律援助。");
        dispatcher = browser();
        dispatcher.signIn("dispatcher");
        dispatcher.until(ExpectedConditions.urlContains("region=440000"));
        dispatcher.settled();

        dispatcher.driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement search = dispatcher.driver.switchTo().activeElement();
        assertThat(search.getDomAttribute("id")).isEqualTo("queue-search");
        search.sendKeys(second.toLowerCase() + "\n");
        dispatcher.until(ExpectedConditions.urlContains("q=" + second.toLowerCase()));
        dispatcher.until(ExpectedConditions.textToBe(By.id("queue-total"), "1"));
        assertThat(dispatcher.text(By.id("queue"))).contains(second).doesNotContain(first);

        // Selenium's clear() bypasses Vue's input event: select the old search and type over it
        dispatcher.driver.findElement(By.id("queue-search")).sendKeys(Keys.chord(Keys.CONTROL, "a"), marker);
        dispatcher.driver.findElement(By.id("search-submit")).click();
        dispatcher.until(ExpectedConditions.textToBe(By.id("queue-total"), "2"));
        dispatcher.choose("filter-business-type", "法律援助");
        dispatcher.driver.findElement(By.id("filter-submit")).click();
        dispatcher.until(ExpectedConditions.urlContains("businessType=LEGAL_AID"));
        header("工单编号").click();
        dispatcher.until(ExpectedConditions.urlContains("sort=number"));
        dispatcher.until(d -> rowNumbers().equals(first + second));
        header("工单编号").click();
        dispatcher.until(ExpectedConditions.urlContains("dir=desc"));
        dispatcher.until(d -> rowNumbers().equals(second + first));

        String view = "欠薪视图" + letters().substring(0, 4);
        dispatcher.driver.findElement(By.id("save-view")).click();
        dispatcher.type(By.cssSelector(".el-message-box input"), view);
        dispatcher.driver.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
        dispatcher.message("已保存视图“" + view + "”");
        dispatcher.open("/queue");
        dispatcher.settled();
        dispatcher.choose("saved-views", view);
        dispatcher.until(ExpectedConditions.urlContains("businessType=LEGAL_AID"));
        dispatcher.until(ExpectedConditions.urlContains("dir=desc"));
        dispatcher.until(ExpectedConditions.textToBe(By.id("queue-total"), "2"));

        for (String number : new String[] {first, second}) {
            WebElement row = dispatcher.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#queue tr:has(a[href$='/tickets/" + number + "'])")));
            row.findElement(By.cssSelector(".el-checkbox")).click();
        }
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-bar"), "已选 2 件"));
        dispatcher.driver.findElement(By.id("bulk-reassign")).click();
        dispatcher.choose("bulk-unit", "深圳市法律援助中心");
        dispatcher.type(By.id("bulk-reason"), "当事人在深圳务工");
        dispatcher.driver.findElement(By.id("bulk-submit")).click();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-message-box"),
                "将所选 2 件工单转派到深圳市法律援助中心"));
        dispatcher.driver.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
        dispatcher.message("已转派 2 件工单");
        dispatcher.until(d -> d.findElement(By.id("queue")).getText().split("深圳市法律援助中心", -1).length == 3);
        assertThat(staffGet("dispatcher", "/api/v1/staff/tickets/" + first).path("handlingUnit").asText()).isEqualTo("GD-4403-LEGAL-AID");
        assertThat(staffGet("dispatcher", "/api/v1/staff/tickets/" + second).path("handlingUnit").asText()).isEqualTo("GD-4403-LEGAL-AID");
        dispatcher.screenshot("queue-after-bulk-1280");
        dispatcher.width(390);
        dispatcher.settled();
        assertThat(dispatcher.horizontalOverflow()).as("the queue at 390 px").isZero();
        dispatcher.screenshot("queue-saved-view-390");
        dispatcher.width(1280);

        dispatcher.driver.findElement(By.id("delete-view")).click();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-message-box"), "确定删除视图"));
        dispatcher.driver.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
        dispatcher.message("已删除视图“" + view + "”");
        assertThat(staffGet("dispatcher", "/api/v1/staff/views").findValuesAsText("name")).doesNotContain(view);
    }

    private WebElement header(String label) {
        return dispatcher.until(d -> d.findElements(By.cssSelector("#queue th .cell")).stream()
                .filter(c -> c.getText().strip().equals(label)).findFirst().orElse(null));
    }

    private String rowNumbers() {
        return String.join("", dispatcher.driver.findElements(By.cssSelector("#queue a.number")).stream()
                .map(WebElement::getText).toList());
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
