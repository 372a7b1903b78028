package org.law12348.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.law12348.app.HttpApi;
import org.law12348.testsupport.SampleFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff workspace in Debian's Chromium against the real product on PostgreSQL: a dispatcher's
 * day (sign in, land on the queue, filter, open, reassign, see a new ticket arrive), a session that
 * expires while a note is being written, every page at phone width, and a scan of what people read
 * for codes. Screenshots of every page at 1280 and 390 pixels go to app/target/workspace-screenshots.
 */
class WorkspaceBrowserTest extends PostgresWorkspaceApp {

    /** A code as the back end spells enum values and rule ids: VOLUNTEER_POOL, MANUAL, DEPLOY. */
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|(?<![A-Za-z0-9])[A-Z]{3,}(?![A-Za-z0-9])");
    /** Words people know that look like codes: the file formats offered for download and taken as attachments. */
    private static final Set<String> ALLOWED_CAPITALS = Set.of("CSV", "JPG", "PNG", "PDF", "WAV");
    private static final Pattern ENGLISH_LEFTOVERS = Pattern.compile("\\b(system|citizen|null|undefined|NaN|true|false)\\b|TicketFilter\\[");

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void dispatcherSignsInFiltersReassignsAndSeesANewTicketWithinTwoSeconds() throws Exception {
        String wages = submit("LEGAL_AID", "440106", "公司拖欠工资三个月，想申请法律援助。");
        String notary = submit("NOTARIZATION", "440305", "办理出国留学需要的学历公证。");
        WorkspaceBrowser dispatcher = browser();

        dispatcher.signIn("dispatcher");
        dispatcher.until(ExpectedConditions.urlContains("/workspace/queue"));
        // the centre's province is preselected
        dispatcher.until(ExpectedConditions.urlContains("region=440000"));
        String region = dispatcher.until(d -> d.findElement(By.cssSelector(".filter-form .region-picker input")).getDomProperty("value"));
        assertThat(region).isEqualTo("广东省");

        dispatcher.choose("filter-business-type", "法律援助");
        dispatcher.choose("filter-channel", "网上服务大厅");
        dispatcher.driver.findElement(By.id("filter-submit")).click();
        dispatcher.until(ExpectedConditions.urlContains("businessType=LEGAL_AID"));
        // the unfiltered rows stay until the filtered ones arrive, and may hold both tickets (other tests' too)
        dispatcher.until(d -> {
            String rows = d.findElement(By.id("queue")).getText();
            return rows.contains(wages) && !rows.contains(notary);
        });
        assertThat(dispatcher.text(By.id("queue"))).contains("剩余");

        // j selects the first row, Enter opens it
        dispatcher.driver.findElement(By.tagName("body")).sendKeys("j");
        dispatcher.driver.findElement(By.tagName("body")).sendKeys(Keys.ENTER);
        dispatcher.until(ExpectedConditions.urlContains("/workspace/tickets/"));
        dispatcher.driver.navigate().back();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), wages));
        dispatcher.driver.findElement(By.linkText(wages)).click();
        assertThat(dispatcher.text(By.id("ticket-number"))).isEqualTo(wages);
        assertThat(dispatcher.text(By.id("ticket-unit"))).isEqualTo("广州市法律援助中心");

        dispatcher.driver.findElement(By.id("reassign")).click();
        dispatcher.choose("reassign-unit", "广州市法律援助中心");
        dispatcher.type(By.id("reassign-reason"), "当事人在深圳务工");
        dispatcher.driver.findElement(By.id("reassign-submit")).click();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-dialog"),
                "工单已由该单位承办，请选择其他单位"));

        dispatcher.choose("reassign-unit", "深圳市法律援助中心");
        dispatcher.driver.findElement(By.id("reassign-submit")).click();
        dispatcher.message("已转派至深圳市法律援助中心");
        dispatcher.until(ExpectedConditions.textToBe(By.id("ticket-unit"), "深圳市法律援助中心"));
        assertThat(dispatcher.text(By.id("timeline"))).contains("已转派").contains("转派至深圳市法律援助中心：当事人在深圳务工");

        dispatcher.driver.findElement(By.id("menu-queue")).click();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), wages));
        dispatcher.until(ExpectedConditions.textToBe(By.id("live-state"), "● 实时更新中"));
        String arriving = submit("LEGAL_AID", "440106", "单位不签劳动合同，想申请法律援助。");
        long submitted = System.nanoTime();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), arriving));
        long millis = (System.nanoTime() - submitted) / 1_000_000;
        assertThat(millis).as("new ticket shown after %d ms", millis).isLessThanOrEqualTo(2000);
    }

    /** Issue 19: merge from the workspace, asked first, and the merged ticket points to the one that goes on. */
    @Test
    void dispatcherMergesADuplicateAfterConfirmingAndTheMergedTicketLinksToTheSurvivor() throws Exception {
        String kept = submit("LEGAL_AID", "440106", "公司拖欠工资三个月，想申请法律援助。");
        String duplicate = submit("LEGAL_AID", "440106", "公司欠我三个月工资，怎么申请法律援助？");
        WorkspaceBrowser dispatcher = browser();
        dispatcher.signIn("dispatcher");
        dispatcher.open("/tickets/" + duplicate);
        dispatcher.until(ExpectedConditions.textToBe(By.id("ticket-number"), duplicate));

        dispatcher.driver.findElement(By.id("merge")).click();
        dispatcher.type(By.id("merge-target"), duplicate.toLowerCase());
        dispatcher.type(By.id("merge-reason"), "同一市民重复提交");
        dispatcher.driver.findElement(By.id("merge-submit")).click();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-dialog"), "不能把工单合并到它自己"));

        // typed over the refused number, as a person corrects it (a programmatic clear bypasses Vue's input)
        dispatcher.driver.findElement(By.id("merge-target")).sendKeys(Keys.chord(Keys.CONTROL, "a"), kept.toLowerCase());
        dispatcher.driver.findElement(By.id("merge-submit")).click();
        WebElement confirm = dispatcher.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".el-message-box__btns .el-button--primary")));
        assertThat(dispatcher.text(By.cssSelector(".el-message-box__message"))).contains(duplicate, kept, "确定合并");
        confirm.click();
        dispatcher.message("已合并至工单" + kept);
        dispatcher.until(ExpectedConditions.textToBe(By.id("ticket-status"), "已办结"));
        assertThat(dispatcher.text(By.id("merged-into"))).contains(kept);

        dispatcher.driver.findElement(By.cssSelector("#merged-into a")).click();
        dispatcher.until(ExpectedConditions.textToBe(By.id("ticket-number"), kept));
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), duplicate));
    }

    /** Issue 20: a dispatcher attaches a document on the ticket view and sees it listed; a disguised file is refused in Chinese. */
    @Test
    void dispatcherUploadsAnAttachmentOnTheTicketViewAndSeesItListed() throws Exception {
        String number = submit("LEGAL_AID", "440106", "公司拖欠工资三个月，想申请法律援助。");
        Path files = Files.createTempDirectory("attachments");
        Path contract = Files.write(files.resolve("劳动合同.pdf"), SampleFiles.pdf("browser " + number));
        Path disguised = Files.write(files.resolve("伤情照片.jpg"), SampleFiles.pdf("not a photo " + number));
        WorkspaceBrowser dispatcher = browser();
        dispatcher.signIn("dispatcher");
        dispatcher.open("/tickets/" + number);
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), "暂无附件"));

        upload(dispatcher, contract);
        dispatcher.message("已上传 劳动合同.pdf");
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#attachments .attachment"),
                "劳动合同.pdf"));
        assertThat(dispatcher.text(By.cssSelector("#attachments .attachment")))
                .contains("工作人员添加的文书", "PDF文档", "dispatcher");
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "添加附件：劳动合同.pdf"));

        upload(dispatcher, disguised);
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachment-error"),
                "文件内容是PDF文档，与文件名所示的JPG图片不符"));
        assertThat(dispatcher.all(By.cssSelector("#attachments .attachment"))).hasSize(1);
        atPhoneWidth(dispatcher, "ticket-attachments");
    }

    /** el-upload hides its file input; a person picks the file through it, so the test shows it first. */
    private static void upload(WorkspaceBrowser browser, Path file) {
        WebElement input = browser.driver.findElement(By.cssSelector("#attachments input[type=file]"));
        browser.script("arguments[0].style.display = 'block'", input);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** Issue 22: a dispatcher records the citizen's legal clock on the ticket; the citizen reads it with their token. */
    @Test
    void dispatcherAddsALegalClockAndTheCitizenReadsIt() throws Exception {
        JsonNode asked = ask("LEGAL_AID", "440106", "公司2026年10月7日把我辞退了，还能申请劳动仲裁吗？");
        String number = asked.get("number").asText();
        WorkspaceBrowser dispatcher = browser();
        dispatcher.signIn("dispatcher");
        dispatcher.open("/tickets/" + number);
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("legal-clocks"), "尚未记录"));

        dispatcher.driver.findElement(By.id("clock-add")).click();
        dispatcher.driver.findElement(By.id("clock-submit")).click();
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("legal-clocks"), "请选择期限类型"));
        dispatcher.choose("clock-type", "劳动仲裁申请期限");
        dispatcher.driver.findElement(By.id("clock-date")).sendKeys("2026-10-07", Keys.ENTER);
        dispatcher.driver.findElement(By.id("clock-submit")).click();
        dispatcher.message("已添加法律期限");
        // one year from 7 October 2026 ends on Thursday 7 October 2027 (2027's calendar is provisional)
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("legal-clocks"), "2027年10月7日"));
        assertThat(dispatcher.text(By.id("legal-clocks"))).contains("劳动仲裁申请期限", "劳动争议调解仲裁法", "不构成法律意见");
        dispatcher.screenshot("ticket-legal-clock");

        // the queue shows the citizen's deadline beside the centre's own, and filters by it
        dispatcher.open("/queue?region=&legal=365");
        By row = By.cssSelector("#queue tr:has(a[href$='/tickets/" + number + "'])");
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(row, "2027年10月7日"));
        assertThat(dispatcher.text(row)).containsPattern("还剩\\d+天");
        dispatcher.screenshot("queue-legal-deadline");

        // the employer promised on 1 December to pay: the year of arbitration starts again from that day
        dispatcher.open("/tickets/" + number);
        dispatcher.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#legal-clocks .clock-event"))).click();
        dispatcher.driver.findElement(By.cssSelector("#legal-clocks .clock-event-date input")).sendKeys("2026-12-01", Keys.ENTER);
        dispatcher.driver.findElement(By.cssSelector("#legal-clocks .clock-event-submit")).click();
        WebElement confirm = dispatcher.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".el-message-box__btns .el-button--primary")));
        assertThat(dispatcher.text(By.cssSelector(".el-message-box__message"))).contains("时效中断", "2026-12-01", "重新计算");
        confirm.click();
        dispatcher.message("已记录时效中断");
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("legal-clocks"), "2027年12月1日"));
        assertThat(dispatcher.text(By.id("legal-clocks"))).contains("2026-12-01 时效中断");

        HttpApi.Answer citizen = api().get("/api/v1/tickets/" + number + "/clocks",
                "X-Tracking-Token", asked.get("trackingToken").asText());
        assertThat(citizen.status()).isEqualTo(200);
        assertThat(citizen.body().path("clocks").get(0).path("dueDate").asText()).isEqualTo("2027-12-01");
    }

    @Test
    void sessionExpiresWhileANoteIsWrittenAndNothingTypedIsLost() throws Exception {
        String number = submit("MEDIATION", "440106", "邻居装修噪音扰民，希望调解。");
        WorkspaceBrowser dispatcher = browser();
        dispatcher.signIn("dispatcher");
        dispatcher.open("/tickets/" + number);
        dispatcher.until(ExpectedConditions.textToBe(By.id("ticket-number"), number));
        dispatcher.driver.findElement(By.id("compose-note")).click();
        String note = "已电话联系市民，约定周五到社区调解室面谈。";
        dispatcher.type(By.id("composer-text"), note);

        // a reload keeps the draft
        dispatcher.driver.navigate().refresh();
        dispatcher.until(ExpectedConditions.textToBe(By.id("ticket-number"), number));
        dispatcher.driver.findElement(By.id("compose-note")).click();
        String restored = dispatcher.until(d -> d.findElement(By.id("composer-text")).getDomProperty("value"));
        assertThat(restored).isEqualTo(note);

        // the server no longer knows the session (as after its timeout); the person sends the note
        dispatcher.driver.manage().deleteCookieNamed("JSESSIONID");
        dispatcher.driver.manage().addCookie(new Cookie("JSESSIONID", "EXPIRED0000000000000000000000000", "/"));
        dispatcher.driver.findElement(By.id("composer-text")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        dispatcher.until(ExpectedConditions.visibilityOfElementLocated(By.id("again-password")));
        assertThat(dispatcher.driver.findElement(By.id("composer-text")).getDomProperty("value")).isEqualTo(note);

        dispatcher.type(By.id("again-password"), "demo12348");
        dispatcher.driver.findElement(By.id("again-submit")).click();
        dispatcher.message("内部备注已添加");
        dispatcher.until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), note));
        assertThat(dispatcher.driver.findElement(By.id("composer-text")).getDomProperty("value")).isEmpty();
        assertThat(dispatcher.script("return Object.keys(localStorage).filter(k => k.includes(arguments[0])).length", number))
                .isEqualTo(0L);
    }

    @Test
    void consultantClaimsSeesTheFollowUpAnswersWithTheKnowledgeBaseAndSeesThePoints() throws Exception {
        JsonNode asked = ask("LEGAL_CONSULTATION", "440106", "公司拖欠我两个月工资不发，老板总说下个月，我该怎么讨薪？");
        String number = asked.get("number").asText();
        String token = asked.get("trackingToken").asText();
        WorkspaceBrowser consultant = browser();
        consultant.signIn("consultant");
        consultant.until(ExpectedConditions.urlContains("/workspace/pool"));

        By item = By.cssSelector("#pool-items .item[data-number='" + number + "']");
        consultant.until(ExpectedConditions.visibilityOfElementLocated(item));
        consultant.driver.findElement(item).findElement(By.cssSelector(".claim")).click();
        consultant.message("已认领 " + number);
        consultant.until(ExpectedConditions.urlContains("/workspace/questions/" + number));
        assertThat(consultant.text(By.id("claim-timer"))).contains("认领有效").contains("剩余");

        consultant.type(By.id("kb-query"), "拖欠工资");
        consultant.driver.findElement(By.id("kb-search")).click();
        consultant.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kb-hits .kb-insert"))).click();
        consultant.message("已插入知识库问答");
        String inserted = consultant.until(d -> {
            String v = d.findElement(By.id("answer-text")).getDomProperty("value");
            return v == null || v.isBlank() ? null : v;
        });
        consultant.driver.findElement(By.id("kb-mode-statute")).click();
        consultant.type(By.id("kb-query"), "劳动合同法第30条");
        consultant.driver.findElement(By.id("kb-search")).click();
        consultant.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kb-hits .kb-cite"))).click();
        consultant.message("已添加引用法条");
        assertThat(consultant.text(By.id("citations"))).contains("劳动合同法");
        atPhoneWidth(consultant, "consultant-answering");

        consultant.driver.findElement(By.id("answer-send")).click();
        consultant.message("答复已发送给市民");
        consultant.until(ExpectedConditions.visibilityOfElementLocated(By.id("question-answered")));
        assertThat(consultant.text(By.id("question-thread"))).contains(inserted.strip().substring(0, 10));

        String followUp = "仲裁需要准备哪些材料？要先交钱吗？";
        assertThat(citizen("POST", "/api/v1/tickets/" + number + "/follow-ups", token,
                HttpApi.json(Map.of("text", followUp))).status()).isEqualTo(200);
        consultant.driver.findElement(By.id("menu-pool")).click();
        By held = By.cssSelector("#held .item[data-number='" + number + "']");
        assertThat(consultant.text(held)).contains("市民追问待答复").contains(followUp);
        consultant.driver.findElement(held).findElement(By.tagName("button")).click();
        consultant.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-thread"), followUp));
        atPhoneWidth(consultant, "consultant-follow-up");

        // the session ends while the answer to the follow-up is typed: signing in again sends it, nothing is lost
        String second = "仲裁需要准备仲裁申请书、劳动合同或工资条等证明劳动关系的材料，劳动仲裁不收费。";
        consultant.type(By.id("answer-text"), second);
        consultant.driver.navigate().refresh();
        String restored = consultant.until(d -> d.findElement(By.id("answer-text")).getDomProperty("value"));
        assertThat(restored).isEqualTo(second);
        consultant.driver.manage().deleteCookieNamed("JSESSIONID");
        consultant.driver.manage().addCookie(new Cookie("JSESSIONID", "EXPIRED0000000000000000000000000", "/"));
        consultant.driver.findElement(By.id("answer-send")).click();
        consultant.until(ExpectedConditions.visibilityOfElementLocated(By.id("again-password")));
        assertThat(consultant.driver.findElement(By.id("answer-text")).getDomProperty("value")).isEqualTo(second);
        consultant.type(By.id("again-password"), "demo12348");
        consultant.driver.findElement(By.id("again-submit")).click();
        consultant.message("答复已发送给市民");
        consultant.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-thread"), second));

        consultant.driver.findElement(By.id("menu-points")).click();
        // the list is on the page before its rows arrive
        consultant.until(ExpectedConditions.textToBePresentInElementLocated(By.id("answered-list"), number));
        assertThat(consultant.text(By.id("answered-list"))).contains("等待市民确认解决");
        assertThat(citizen("POST", "/api/v1/tickets/" + number + "/accept-answer", token, "{}").status()).isEqualTo(200);
        consultant.until(d -> {
            d.navigate().refresh();
            return new WebDriverWait(d, java.time.Duration.ofSeconds(3)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("points-ledger"))).getText().contains(number) ? true : null;
        });
        assertThat(consultant.text(By.id("points-ledger"))).contains("答复问题").contains("+10 分").contains("市民确认");
        atPhoneWidth(consultant, "consultant-points-earned");

        // one action turns the resolved answer into a knowledge-base draft for the administrators
        consultant.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#answered-list .faq-draft-button"))).click();
        consultant.message("已生成知识库草稿");
        assertThat(jdbc.queryForObject("select count(*) from kb_faq_article where source_ticket = ?", Integer.class, number))
                .isEqualTo(1);
    }

    @Test
    void aLawyerSignsUpAndSeesTheApplicationAwaitingReview() throws Exception {
        WorkspaceBrowser lawyer = browser();
        lawyer.width(390);
        lawyer.open("/sign-in");
        lawyer.until(ExpectedConditions.elementToBeClickable(By.id("join-link"))).click();
        lawyer.until(ExpectedConditions.urlContains("/workspace/join"));
        lawyer.driver.findElement(By.id("join-submit")).click();
        assertThat(lawyer.text(By.id("join-error"))).contains("请按提示修改");

        String username = "lawyer" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        lawyer.type(By.id("join-name"), "张律师");
        lawyer.type(By.id("join-username"), username);
        lawyer.type(By.id("join-password"), "demo12348");
        lawyer.choose("join-qualification", "执业律师");
        lawyer.type(By.id("join-licence"), "14401201810654321");
        Path files = Files.createTempDirectory("licence");
        joinUpload(lawyer, Files.write(files.resolve("执业证.jpg"), "不是照片".getBytes(StandardCharsets.UTF_8)));
        lawyer.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".photo"), "只支持JPG、PNG或PDF文件"));
        joinUpload(lawyer, Files.write(files.resolve("执业证照片.jpg"), SampleFiles.jpegWithGps(1)));
        lawyer.message("已上传 执业证照片.jpg");
        assertThat(lawyer.text(By.cssSelector(".photo-item"))).contains("执业证照片.jpg").contains("836 字节");
        lawyer.driver.findElement(By.cssSelector("#join-region-field .el-cascader")).click();
        lawyer.until(d -> d.findElements(By.cssSelector(".el-cascader-node")).stream()
                .filter(n -> n.isDisplayed() && n.getText().contains("广东省")).findFirst()
                .map(n -> {
                    n.findElement(By.cssSelector(".el-radio")).click();
                    return true;
                }).orElse(null));
        lawyer.driver.findElement(By.xpath("//label[contains(@class,'el-checkbox')][contains(.,'法律咨询')]")).click();
        lawyer.driver.findElement(By.xpath("//label[contains(@class,'el-checkbox')][contains(.,'劳动争议')]")).click();
        // a reload keeps what was typed (not the password) and the uploaded photo
        lawyer.driver.navigate().refresh();
        lawyer.until(ExpectedConditions.attributeToBe(By.id("join-username"), "value", username));
        assertThat(lawyer.text(By.cssSelector(".photo-item"))).contains("执业证照片.jpg");
        lawyer.type(By.id("join-password"), "demo12348");
        lawyer.driver.findElement(By.id("join-submit")).click();
        lawyer.message("申请已提交");
        assertThat(lawyer.text(By.id("join-status"))).isEqualTo("待审核");
        assertThat(lawyer.text(By.id("join-result"))).contains(username).contains("执业律师").contains("广东省");
        check(lawyer, "join-submitted", 390);

        lawyer.driver.navigate().refresh();
        assertThat(lawyer.text(By.id("join-status"))).isEqualTo("待审核");
        lawyer.signIn(username);
        lawyer.until(ExpectedConditions.visibilityOfElementLocated(By.id("pool-closed")));
        lawyer.driver.findElement(By.linkText("查看我的资格和审核进度")).click();
        assertThat(lawyer.text(By.id("certificate-status"))).isEqualTo("待审核");
        assertThat(lawyer.text(By.id("certificate"))).contains("14401201810654321").contains("法律咨询").contains("劳动争议");

        WorkspaceBrowser admin = browser();
        admin.signIn("admin");
        admin.open("/admin/certifications");
        WebElement card = admin.until(d -> d.findElement(By.cssSelector(".cert-row[data-username='" + username + "']")));
        WebElement thumbnail = admin.until(d -> card.findElement(By.cssSelector(".licence-document img")));
        assertThat(thumbnail.getDomAttribute("src")).startsWith("blob:");
        admin.until(d -> ((Number) admin.script("return arguments[0].naturalWidth", thumbnail)).intValue() > 0);
        assertThat(card.getText()).contains("执业证照片.jpg");
    }

    /** The sign-up's el-upload hides its file input; the test shows it to pick the file like a person would. */
    private static void joinUpload(WorkspaceBrowser browser, Path file) {
        WebElement input = browser.until(d -> d.findElement(By.cssSelector("#join-photo input[type=file], .photo input[type=file]")));
        browser.script("arguments[0].style.display = 'block'", input);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    @Test
    void everyPageFitsAPhoneAndShowsNamesNotCodes() throws Exception {
        String number = submit("LEGAL_CONSULTATION", "440305", "离婚时婚前按揭、婚后共同还贷的房子怎么分？");
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("dispatcher", List.of("/queue", "/tickets/" + number, "/dashboard", "/no-such-page"));
        pages.put("admin", List.of("/admin", "/queue"));
        pages.put("handler-gz", List.of("/queue"));
        pages.put("duty-lawyer", List.of("/desk"));
        String held = claimAsConsultant(submit("LEGAL_CONSULTATION", "440106", "公司拖欠工资两个月，能不能申请劳动仲裁？"));
        pages.put("consultant", List.of("/pool", "/questions/" + held, "/points", "/certificate"));

        WorkspaceBrowser anonymous = browser();
        for (int width : new int[]{1280, 390}) {
            anonymous.width(width);
            anonymous.open("/sign-in");
            anonymous.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            check(anonymous, "sign-in", width);
            anonymous.open("/join");
            anonymous.until(ExpectedConditions.visibilityOfElementLocated(By.id("join-licence")));
            check(anonymous, "join", width);
        }
        for (var entry : pages.entrySet()) {
            WorkspaceBrowser person = browser();
            person.signIn(entry.getKey());
            for (String page : entry.getValue()) {
                for (int width : new int[]{1280, 390}) {
                    person.width(width);
                    person.open(page);
                    person.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".page-title, .el-result")));
                    person.settled();
                    check(person, entry.getKey() + page.replace('/', '-'), width);
                }
            }
        }
    }

    /** The page as it is now, at phone width: no sideways scrolling, no codes, a screenshot. */
    private void atPhoneWidth(WorkspaceBrowser browser, String page) {
        browser.width(390);
        browser.settled();
        check(browser, page, 390);
        browser.width(1280);
    }

    private void check(WorkspaceBrowser browser, String page, int width) {
        browser.screenshot(page + "-" + width);
        if (width <= 390) {
            assertThat(browser.horizontalOverflow()).as("%s at %d px is wider than the screen by", page, width).isZero();
        }
        String text = browser.visibleText();
        Set<String> codes = new TreeSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            if (!ALLOWED_CAPITALS.contains(m.group())) {
                codes.add(m.group());
            }
        }
        assertThat(codes).as("codes visible on %s", page).isEmpty();
        assertThat(ENGLISH_LEFTOVERS.matcher(text).find()).as("English leftovers on %s: %s", page, text).isFalse();
    }

    /** The consultant claims a pool question through the API (Basic), as the pool page's button does. */
    private String claimAsConsultant(String number) {
        HttpApi.Answer claimed = api().post("/api/v1/consultant/pool/" + number + "/claim", "{}", HttpApi.basic("consultant"));
        assertThat(claimed.status()).as(claimed.raw().body()).isEqualTo(200);
        return number;
    }

    /** What the citizen does with their tracking token: follow up, accept the answer. */
    private HttpApi.Answer citizen(String method, String path, String token, String body) {
        return api().request(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8),
                "X-Tracking-Token", token);
    }
}
