package org.law12348.app.workspace;

import org.junit.jupiter.api.Test;
import org.law12348.app.HttpApi;
import org.law12348.knowledge.FaqArticle;
import org.law12348.knowledge.FaqArticleService;
import org.law12348.knowledge.FaqContent;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, administrator: in Debian's Chromium against the product, the management pages that
 * replaced the old server-rendered ones — a handling unit created, corrected (what was typed survives
 * a reload) and deactivated; a knowledge-base draft edited and published with its edits; a lawyer's
 * application approved with its details in view; the audit
 * log showing those changes by name; Cockpit reached from the menu already signed in — and each page at
 * 390 px without sideways scrolling or codes.
 */
class AdminBrowserTest extends H2WorkspaceApp {

    /** Codes that must never reach the screen of these pages. */
    private static final List<String> CODES = List.of("PLATFORM_12348", "UNIT_CHANGED", "UNIT_DEACTIVATE", "UNIT_CREATE", "KNOWLEDGE_CHANGED", "ADMIN",
            "DRAFT", "PUBLISHED", "GD-4453");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FaqArticleService articles;

    private WorkspaceBrowser browser;

    @Test
    void anAdministratorKeepsUnitsPublishesAnEditedDraftAndReadsTheAuditLog() {
        String code = "GD-4453-B" + (System.nanoTime() % 100000);
        browser = browser();
        browser.width(1280);
        browser.signIn("admin");

        // the home's tile is a workspace route now
        browser.until(ExpectedConditions.urlContains("/workspace/admin"));
        browser.driver.findElement(By.xpath("//a[contains(@class,'tile')][contains(.,'承办单位')]")).click();
        browser.until(ExpectedConditions.urlContains("/workspace/admin/units"));
        browser.settled();

        browser.driver.findElement(By.id("unit-add")).click();
        browser.type(By.id("unit-code"), code.toLowerCase());
        browser.type(By.id("unit-name"), "云浮市临时承办点");
        browser.choose("unit-type", "12348公共法律服务平台");
        pickRegion("广东省", "云浮市");
        browser.driver.findElement(By.id("unit-save")).click();
        browser.message("已新增承办单位“云浮市临时承办点”");
        WebElement row = row("云浮市临时承办点");
        assertThat(row.getText()).contains("12348公共法律服务平台").contains("云浮市").doesNotContain(code);
        assertThat(jdbc.queryForObject("select region_code from handling_unit where code = ?", String.class, code))
                .isEqualTo("445300");

        // a correction half typed survives a reload, and is then saved
        row.findElement(By.xpath(".//button[contains(.,'修改')]")).click();
        replace(By.id("unit-name"), "云浮市临时承办点（二）");
        replace(By.id("unit-phone"), "0766-12348");
        browser.driver.navigate().refresh();
        browser.message("已恢复上次未保存的单位信息");
        assertThat(browser.until(d -> d.findElement(By.id("unit-name"))).getDomProperty("value"))
                .isEqualTo("云浮市临时承办点（二）");
        assertThat(browser.visibleText()).contains("当前：广东省云浮市");
        browser.driver.findElement(By.id("unit-save")).click();
        browser.message("已保存“云浮市临时承办点（二）”");

        // deactivation says first what happens to the waiting tickets
        row("云浮市临时承办点（二）").findElement(By.xpath(".//button[contains(.,'停用')]")).click();
        assertThat(browser.text(By.id("deactivate-notice"))).contains("没有待办工单").contains("已答复的工单留在原单位");
        browser.choose("unit-successor", "云浮市12348公共法律服务平台");
        browser.type(By.id("unit-reason"), "试点结束");
        browser.driver.findElement(By.id("unit-deactivate")).click();
        browser.message("已停用“云浮市临时承办点（二）”，0 件待办工单已转给“云浮市12348公共法律服务平台”");
        assertThat(jdbc.queryForObject("select active from handling_unit where code = ?", Boolean.class, code)).isFalse();
        narrowPage("units");

        publishesTheAdministratorsEdits();
        approvesAnApplicationSeeingItsDetails();
        readsTheAuditLogByName();
        reachesCockpitAlreadySignedIn();
    }

    /** The menu's 流程监控 opens Cockpit on the session of the workspace: no login, no first-user setup. */
    private void reachesCockpitAlreadySignedIn() {
        browser.open("/admin");
        browser.until(d -> d.findElement(By.xpath("//li[@id='menu-camunda/app/cockpit/default/']")));
        // this context's engine has a name of its own (see CockpitAccessTest; Cockpit takes word characters only)
        browser.driver.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/h2workspace/");
        // Cockpit's scripts are large: give the first load more time than the workspace's pages get; its
        // navigation (processes, decisions …) shows only to a signed-in user
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(90)).until(d -> {
                String text = browser.visibleText();
                return text.contains("Processes") || text.contains("Running Process Instances")
                        || text.contains("Dashboard") || text.contains("仪表盘") ? text : null;
            });
        } finally {
            browser.screenshot("admin-cockpit-1280");
        }
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("setup").doesNotContain("login");
        assertThat(browser.driver.findElements(By.cssSelector("input[type='password']"))).isEmpty();
        assertThat(browser.visibleText()).doesNotContainIgnoringCase("initial user").doesNotContain("未找到");
    }

    private void publishesTheAdministratorsEdits() {
        FaqArticle draft = articles.draft(FaqContent.of("我家房子被邻居占了怎么办？", "可以请求返还原物。", "房产物业",
                List.of("《民法典》第二百三十五条")), new StaffMember("admin", StaffRole.ADMIN, null));
        browser.driver.findElement(By.xpath("//li[@id='menu-admin/knowledge']")).click();
        browser.until(ExpectedConditions.urlContains("/workspace/admin/knowledge"));
        browser.settled();
        browser.until(d -> d.findElement(By.cssSelector(".kb-row[data-id='" + draft.id() + "']"))).click();
        WebElement question = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("kb-question")));
        browser.until(d -> question.getDomProperty("value").equals("我家房子被邻居占了怎么办？"));
        question.sendKeys(Keys.chord(Keys.CONTROL, "a"), "邻居占用我家房屋，怎样要回来？");

        // the edit is kept across a reload, then published as it is shown, without a separate save
        browser.driver.navigate().refresh();
        browser.until(d -> d.findElement(By.id("kb-unsaved")));
        assertThat(browser.driver.findElement(By.id("kb-question")).getDomProperty("value"))
                .isEqualTo("邻居占用我家房屋，怎样要回来？");
        assertThat(browser.driver.findElement(By.id("kb-publish")).getText()).isEqualTo("保存并发布");
        browser.driver.findElement(By.id("kb-publish")).click();
        browser.message("已发布第 2 版");
        // the author by name, as everywhere people read: never the account's username
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kb-meta"), "第 2 版"));
        assertThat(browser.text(By.id("kb-meta"))).contains("作者 系统管理员").doesNotContain("admin");
        assertThat(jdbc.queryForObject("select question from kb_faq_article where id = ?", String.class, draft.id()))
                .isEqualTo("邻居占用我家房屋，怎样要回来？");
        assertThat(jdbc.queryForObject("select status from kb_faq_article where id = ?", String.class, draft.id()))
                .isEqualTo("PUBLISHED");
        narrowPage("knowledge");
    }

    private void approvesAnApplicationSeeingItsDetails() {
        String username = "vol" + (System.nanoTime() % 1_000_000);
        String body = "{\"username\":\"" + username + "\",\"password\":\"demo12348\",\"displayName\":\"王志愿\","
                + "\"application\":{\"qualification\":\"PRACTISING_LAWYER\",\"licenceNumber\":\"GD-2024-" + username + "\","
                + "\"regionCode\":\"440100\",\"businessTypes\":[\"LEGAL_CONSULTATION\"],\"categories\":[\"LABOR\"]}}";
        HttpApi.Answer registered = api().post("/api/v1/consultant-registrations", body);
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        browser.driver.findElement(By.xpath("//li[@id='menu-admin/certifications']")).click();
        browser.until(ExpectedConditions.urlContains("/workspace/admin/certifications"));
        browser.settled();
        WebElement card = browser.until(d -> d.findElement(By.cssSelector(".cert-row[data-username='" + username + "']")));
        assertThat(card.getText()).contains("王志愿", "执业律师", "GD-2024-" + username, "广州市", "法律咨询", "待审核");
        card.findElement(By.cssSelector(".cert-approve")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("cert-confirm"))).click();
        browser.message("已批准“王志愿”的资格，有效期至");
        assertThat(jdbc.queryForObject("select status from consultant where username = ?", String.class, username))
                .isEqualTo("CERTIFIED");
        narrowPage("certifications");
    }

    private void readsTheAuditLogByName() {
        browser.open("/admin/audit?action=UNIT_CHANGED");
        browser.settled();
        String text = browser.text(By.id("audit-entries"));
        assertThat(text).contains("承办单位管理").contains("系统管理员").contains("停用");
        narrowPage("audit");
    }

    /** The page at phone width: nothing scrolls sideways and no code shows. */
    private void narrowPage(String name) {
        browser.screenshot("admin-" + name + "-1280");
        browser.width(390);
        browser.settled();
        assertThat(browser.horizontalOverflow()).as("%s at 390 px", name).isZero();
        String visible = browser.visibleText();
        assertThat(CODES).as("codes on the %s page", name).noneMatch(visible::contains);
        browser.screenshot("admin-" + name + "-390");
        browser.width(1280);
    }

    /** Selects what a field holds and types over it, as a person does (clear() bypasses Vue's model). */
    private void replace(By field, String text) {
        WebElement input = browser.until(ExpectedConditions.elementToBeClickable(field));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private WebElement row(String name) {
        return browser.until(d -> d.findElements(By.cssSelector("tr.unit-row")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElse(null));
    }

    /** The region cascader: the province opens its cities, the city's radio picks it. */
    private void pickRegion(String province, String city) {
        browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#unit-form .region-picker"))).click();
        node(province).click();
        WebElement cityNode = node(city);
        browser.script("arguments[0].click()", cityNode.findElement(By.cssSelector(".el-radio")));
        browser.driver.findElement(By.id("unit-name")).click();
        browser.until(d -> d.findElement(By.cssSelector("#unit-form .region-picker input")).getDomProperty("value")
                .contains(city));
    }

    private WebElement node(String label) {
        return browser.until(d -> d.findElements(By.cssSelector(".el-cascader-node")).stream()
                .filter(WebElement::isDisplayed).filter(n -> n.getText().strip().equals(label)).findFirst().orElse(null));
    }
}
