package org.law12348.app.workspace;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, routing administration in Chromium against the real product on PostgreSQL: an
 * administrator changes one rule of the table in the dmn-js editor, sees a wrong unit marked on its
 * cell, sees the what-if in names with an example ticket, keeps the draft over a reload, deploys,
 * a new ticket routes by the new rule, compares the versions and rolls back; the table's second
 * decision (the hand-over of unanswered pool questions) is one click away.
 */
class RoutingEditorBrowserTest extends PostgresWorkspaceApp {

    private static final String CELL = "td[data-row-id='R-4401-LEGAL-AID'][data-col-id='Output_Unit']";

    private WorkspaceBrowser admin;

    @Test
    void administratorChangesARuleSeesTheWhatIfInNamesDeploysAndRollsBack() throws Exception {
        String earlier = ask("LEGAL_AID", "440106", "公司拖欠工资三个月，想申请法律援助。").get("number").asText();
        admin = browser();
        admin.signIn("admin");
        admin.until(ExpectedConditions.urlContains("/workspace/admin"));
        admin.driver.findElement(By.id("tile-routing")).click();
        admin.until(ExpectedConditions.urlContains("/workspace/admin/routing"));
        admin.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(CELL)));
        String current = admin.text(By.id("draft-status"));
        assertThat(current).contains("现行版本").contains("尚未修改");

        // the table's second decision: where questions the volunteer pool left unanswered go
        WebElement tables = admin.driver.findElement(By.id("routing-tables"));
        assertThat(tables.getText()).contains("工单分派").contains("24小时无人答复转交");
        tables.findElement(By.xpath(".//span[contains(., '24小时无人答复转交')]")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("td[data-row-id='H-4401'][data-col-id='Handover_Unit']"), "GD-4401-OUTSOURCED"));
        assertThat(admin.text(By.id("routing-editor"))).contains("转交单位");
        atPhoneWidth("admin-routing-handover");
        tables.findElement(By.xpath(".//span[contains(., '工单分派')]")).click();
        admin.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(CELL)));
        assertThat(admin.text(By.id("draft-status"))).as("looking at a table is no edit").contains("尚未修改");

        edit("\"GD-NOPE\"");
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "已保存在本机"));
        admin.driver.findElement(By.id("check-draft")).click();
        slowly(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-problems"), "GD-NOPE 不存在或已停用"));
        admin.until(d -> d.findElement(By.cssSelector(CELL)).getDomAttribute("class").contains("routing-cell-error"));
        assertThat(admin.driver.findElement(By.id("deploy-draft")).isEnabled()).isFalse();

        // the draft survives a reload: it lives in this browser, not in the session
        admin.driver.navigate().refresh();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(CELL), "GD-NOPE"));
        assertThat(admin.text(By.id("draft-status"))).contains("草稿（基于版本");

        edit("\"GD-4400-LEGAL-AID\"");
        admin.driver.findElement(By.id("check-draft")).click();
        slowly(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("whatif")),
                ExpectedConditions.visibilityOfElementLocated(By.id("draft-problems"))));
        assertThat(admin.all(By.id("draft-problems"))).as(admin.visibleText()).isEmpty();
        String whatIf = admin.text(By.id("whatif"));
        assertThat(whatIf).contains("广州市法律援助中心").contains("广东省法律援助中心").contains("广东省广州市天河区")
                .contains(earlier).doesNotContain("GD-4401");
        assertThat(admin.all(By.cssSelector(".routing-cell-error"))).isEmpty();
        atPhoneWidth("admin-routing-draft");

        admin.driver.findElement(By.id("deploy-draft")).click();
        WebElement comment = admin.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".el-message-box__input input")));
        comment.sendKeys("广州法援暂由省中心承办");
        admin.driver.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-message-box__message"), "确定发布"));
        admin.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".el-message-box__btns .el-button--primary"))).click();
        slowly(d -> admin.message("已发布为版本"));
        assertThat(ask("LEGAL_AID", "440106", "工伤赔偿被拒，想申请法律援助。").get("handlingUnit").asText())
                .isEqualTo("GD-4400-LEGAL-AID");
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "尚未修改"));

        WebElement deployed = admin.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#versions .version")));
        assertThat(deployed.getText()).contains("广州法援暂由省中心承办").contains("现行");
        deployed.findElement(By.cssSelector(".diff")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-diff"), "修改的规则"));
        assertThat(admin.text(By.id("version-diff"))).contains("承办单位：广州市法律援助中心 → 广东省法律援助中心");
        admin.driver.findElement(By.cssSelector(".el-dialog__headerbtn")).click();
        admin.until(ExpectedConditions.invisibilityOfElementLocated(By.id("version-diff")));

        admin.all(By.cssSelector("#versions .version")).get(1).findElement(By.cssSelector(".rollback")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-message-box__message"), "确定回滚"));
        admin.driver.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
        admin.message("已回滚到版本");
        assertThat(ask("LEGAL_AID", "440106", "被拖欠劳务费，想申请法律援助。").get("handlingUnit").asText())
                .isEqualTo("GD-4401-LEGAL-AID");
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#versions .version"), "回滚到版本"));
        atPhoneWidth("admin-routing");
    }

    /** Types a new value into the Guangzhou legal-aid rule's unit cell, as a person does in dmn-js. */
    private void edit(String value) {
        WebElement cell = admin.until(ExpectedConditions.elementToBeClickable(By.cssSelector(CELL)));
        admin.script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", cell);
        cell.click();
        WebElement editable = cell.findElement(By.cssSelector("[contenteditable]"));
        editable.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
        // dmn-js applies an edit when the cell loses focus: click outside the table, where it is in view
        WebElement outside = admin.driver.findElement(By.id("draft-status"));
        admin.script("arguments[0].scrollIntoView({block: 'center'})", outside);
        outside.click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(CELL), value));
    }

    /**
     * Waits for the server's check of a whole table: every business type, kind and channel in every
     * served city, evaluated by the FEEL engine, takes seconds on a busy machine.
     */
    private <T> T slowly(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(admin.driver, java.time.Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.TimeoutException.class).until(condition);
    }

    /** At phone width the page does not scroll sideways (the table scrolls in its own box). */
    private void atPhoneWidth(String name) {
        admin.width(390);
        admin.settled();
        admin.screenshot(name + "-390");
        assertThat(admin.horizontalOverflow()).as("%s at 390 px is wider than the screen by", name).isZero();
        admin.width(1280);
        admin.screenshot(name + "-1280");
    }
}
