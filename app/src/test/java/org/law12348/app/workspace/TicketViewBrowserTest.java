package org.law12348.app.workspace;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, the ticket view in Chromium against the real product on PostgreSQL: a dispatcher corrects
 * a ticket's region by name and the routing rules send it to the unit the message names; a unit
 * handler writes a canned reply, inserts it with Ctrl+K (the citizen's name and the ticket number
 * filled in) and sends it.
 */
class TicketViewBrowserTest extends PostgresWorkspaceApp {

    @Test
    void dispatcherCorrectsTheRegionByNameAndIsToldWhichUnitTheRulesChose() throws Exception {
        String number = submit("LEGAL_AID", "440106", "我在深圳南山区打工，老板拖欠工资，想申请法律援助。");
        WorkspaceBrowser dispatcher = browser();
        dispatcher.signIn("dispatcher");
        dispatcher.open("/tickets/" + number);
        dispatcher.until(ExpectedConditions.textToBe(By.id("ticket-unit"), "广州市法律援助中心"));

        dispatcher.driver.findElement(By.id("reroute")).click();
        dispatcher.until(ExpectedConditions.elementToBeClickable(By.id("reroute-submit"))).click();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-dialog"), "请选择更正后的地区"));
        dispatcher.driver.findElement(By.cssSelector(".el-dialog .region-picker")).click();
        for (String level : new String[] {"广东省", "深圳市", "南山区"}) {
            expand(dispatcher, level);
        }
        dispatcher.until(d -> d.findElement(By.cssSelector(".el-dialog .region-picker input")).getDomProperty("value")
                .equals("南山区"));
        dispatcher.type(By.id("reroute-reason"), "市民实际在深圳");
        dispatcher.driver.findElement(By.id("reroute-submit")).click();

        dispatcher.message("已按更正后的信息重新分派，现由深圳市法律援助中心承办");
        dispatcher.until(ExpectedConditions.textToBe(By.id("ticket-unit"), "深圳市法律援助中心"));
        assertThat(dispatcher.text(By.id("timeline"))).contains("更正后重新分派")
                .contains("由广东省广州市天河区/法律援助更正为广东省深圳市南山区/法律援助（市民实际在深圳）")
                .doesNotContain("R-4403");
    }

    @Test
    void handlerWritesACannedReplyInsertsItWithTheCitizensNameAndSendsIt() throws Exception {
        String number = submit("LEGAL_AID", "440106", "公司拖欠工资三个月，想申请法律援助。");
        String title = "欠薪材料" + System.nanoTime() % 100_000;
        WorkspaceBrowser handler = browser();
        handler.signIn("handler-gz");
        handler.open("/tickets/" + number);
        WebElement box = handler.until(ExpectedConditions.elementToBeClickable(By.id("composer-text")));

        box.sendKeys(Keys.chord(Keys.CONTROL, "k"));
        handler.until(ExpectedConditions.elementToBeClickable(By.id("canned-new"))).click();
        handler.type(By.id("canned-title"), title);
        handler.type(By.id("canned-text"), "{{citizenName}}您好，您的工单{{ticketNumber}}已由{{unitName}}受理，请携带劳动合同和工资流水。");
        handler.driver.findElement(By.id("canned-save")).click();
        handler.message("常用回复「" + title + "」已添加");

        WebElement filter = handler.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#canned-filter")));
        filter.sendKeys(title);
        handler.until(ExpectedConditions.textToBePresentInElementLocated(By.id("canned-list"), title));
        filter.sendKeys(Keys.ENTER);
        handler.message("已插入常用回复「" + title + "」");
        String expected = "王小明您好，您的工单" + number + "已由广州市法律援助中心受理，请携带劳动合同和工资流水。";
        handler.until(d -> d.findElement(By.id("composer-text")).getDomProperty("value").contains(expected));

        handler.driver.findElement(By.id("composer-send")).click();
        handler.message("答复已发送给市民");
        handler.until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), expected));
    }

    /** Clicks a region in the open cascader: a division with children unfolds, the last one is chosen. */
    private static void expand(WorkspaceBrowser browser, String name) {
        browser.until(d -> d.findElements(By.cssSelector(".el-cascader-node")).stream()
                .filter(n -> n.isDisplayed() && n.getText().strip().equals(name)).findFirst()
                .map(n -> {
                    if (name.endsWith("区")) {
                        n.findElement(By.cssSelector(".el-radio")).click();
                    } else {
                        n.click();
                    }
                    return true;
                }).orElse(null));
    }
}
