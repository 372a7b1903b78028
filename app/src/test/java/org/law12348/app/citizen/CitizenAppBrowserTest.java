package org.law12348.app.citizen;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.law12348.app.PostgresApp;
import org.law12348.app.browser.HeadlessChromium;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.testsupport.FakeAliyunSms;
import org.law12348.testsupport.SampleFiles;
import org.law12348.ticketing.internal.OutboxRelay;
import org.openqa.selenium.chrome.ChromeDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen app's web build (served at /m/) in Chromium at phone size, against the product on
 * PostgreSQL: a citizen asks and sees the knowledge base's answers while typing, submits with a double
 * tap and gets one ticket, a consultant answers through the API, the citizen reads the answer, follows
 * up, accepts the second answer and rates once — a second rating from a page left open is refused
 * politely. A web citizen signs in with a code texted to the phone (the real SMS SDK against the local
 * endpoint) and opens a consultation filed on another computer. Every page is scanned for codes and English, and photographed screen by screen
 * (app/target/citizen-app-screenshots).
 */
@Tag("slow")
class CitizenAppBrowserTest implements PostgresApp {

    private static final Logger log = LoggerFactory.getLogger(CitizenAppBrowserTest.class);

    private static final Path SCREENSHOTS = Path.of("target", "citizen-app-screenshots");
    private static final String QUESTION = "公司拖欠我三个月工资，老板一直说没钱不发，我该怎么要回工资？";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxRelay relay;
    ChromeDriver browser;
    CitizenAppPage app;
    StaffApi staff;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        app = new CitizenAppPage(browser, port, SCREENSHOTS);
        staff = new StaffApi(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** 2026年12月7日 → the day. */
    private static LocalDate chineseDay(String shown) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日").matcher(shown);
        assertThat(m.find()).as("a date in %s", shown).isTrue();
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static String chineseText(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void noCodes(String page) {
        noCodesOn(app, page);
    }

    private static void noCodesOn(CitizenAppPage phone, String page) {
        assertThat(phone.codesOnPage()).as("codes or English on the %s page", page).isEmpty();
    }

    @Test
    void aCitizenAsksReadsTheAnswerFollowsUpAcceptsAndRatesOnce() {
        long deflectionsBefore = count("select count(*) from kb_deflection");

        // first use: the privacy notice, then home
        app.open("");
        assertThat(app.text("#consent-accept")).isEqualTo("同意并继续");
        assertThat(app.text(".notice-text")).contains("我们收集哪些信息", "保存多久", "如何撤回同意");
        noCodes("consent");
        app.screenshot("01-consent");
        app.tap("#consent-accept");
        app.visible("#call-hotline");
        assertThat(app.text("#call-hotline")).contains("12348");
        noCodes("home");
        app.screenshot("02-home");

        // ask: the centre's province is chosen; city and county from the lists
        app.tap("#go-ask");
        app.waitForText("#region-province", "广东省");
        noCodes("ask");
        app.screenshot("03-ask-empty");
        app.tap("#region-city");
        app.tap(".region-option[data-code='440100']");
        app.tap("#region-county");
        app.screenshotAsShown("04-ask-region-sheet");
        app.tap(".region-option[data-code='440106']");
        app.waitForText("#region-county", "天河区");
        app.type("#question", QUESTION);

        // the knowledge base answers while the citizen types; "this solved my problem" is recorded
        app.visible(".suggestion");
        assertThat(app.all(".suggestion")).hasSizeBetween(1, 3);
        assertThat(app.text("#suggestions")).contains("工资");
        String articleId = app.all(".suggestion").get(0).getDomAttribute("data-id");
        app.tap(".suggestion[data-id='" + articleId + "'] .suggestion-title");
        app.visible(".suggestion-answer .answer-text");
        noCodes("ask with suggestions");
        app.screenshot("05-ask-suggestion");
        app.tap(".solved-button");
        assertThat(app.text("#suggestion-solved")).contains("不用再提交咨询");
        assertThat(count("select count(*) from kb_deflection")).isEqualTo(deflectionsBefore + 1);

        // a wage question has a legal clock: the form asks when the worker's rights were harmed (issue 22), and
        // the citizen picks a day on uni's date picker (today, then one day up the day wheel where there is one)
        app.waitForText("#clock-date-question", "您是哪天被辞退（或知道权益受损）的？");
        assertThat(app.text("#clock-date")).contains("选填，帮助工作人员提醒您的法律期限");
        app.tap("#clock-date-picker");
        app.visible(".uni-picker-toggle .uni-picker-action-confirm");
        app.script("const c = document.querySelectorAll('.uni-picker-toggle uni-picker-view-column .uni-picker-view-group')[2];"
                + " const r = c.getBoundingClientRect();"
                + " c.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.left + r.width / 2,"
                + " clientY: r.top + r.height / 2 - 40}));");
        pause(1500); // the wheel settles on its day
        app.screenshotAsShown("05c-ask-date-picker");
        app.tap(".uni-picker-toggle .uni-picker-action-confirm");
        app.waitUntil("a day is picked", "return !document.querySelector('#clock-date-value').textContent.includes('点这里')");
        LocalDate picked = chineseDay(app.text("#clock-date-value"));
        LocalDate todayInChina = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(picked).isBeforeOrEqualTo(todayInChina).isAfter(todayInChina.minusDays(3));
        if (todayInChina.getDayOfMonth() > 1) {
            assertThat(picked).as("one day up the wheel").isEqualTo(todayInChina.minusDays(1));
        }
        // the draft keeps it when the page is reloaded
        app.reload();
        app.waitForText("#clock-date-value", chineseText(picked));
        app.waitForText("#region-county", "天河区");
        assertThat(((Number) app.script("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("nothing wider than the phone").isLessThanOrEqualTo(0);
        noCodes("ask with the legal-clock date");
        app.screenshot("05c-ask-clock-date");

        // a photo of the payslip goes with it: chosen through the browser's file input, sent after the question
        app.choosingFiles();
        app.tap("#add-photo");
        app.present("input[type=file]").sendKeys(payslipPhoto().toString());
        app.visible(".thumb");
        app.waitUntil("the chosen photo is shown", "const i = document.querySelector('.thumb img');"
                + " return i !== null && i.complete && i.naturalWidth > 0");
        app.screenshot("05b-ask-photo");

        // the citizen submits all the same, with a double tap: one ticket
        long ticketsBefore = count("select count(*) from ticket");
        app.script("const b = document.querySelector('#ask-submit'); b.click(); b.click();");
        String number = app.text("#ticket-number");
        assertThat(number).matches("[A-Z]{2}\\d{8}-\\d{6}");
        assertThat(count("select count(*) from ticket")).isEqualTo(ticketsBefore + 1);
        assertThat(jdbc.queryForObject("select region_code from ticket where number = ?", String.class, number))
                .isEqualTo("440106");
        // the day picked went with the question, and a dispatcher sees it suggested as the citizen's (市民填写)
        assertThat(jdbc.queryForObject("select citizen_trigger_date from ticket where number = ?", LocalDate.class,
                number)).isEqualTo(picked);
        com.fasterxml.jackson.databind.JsonNode arbitration = null;
        for (com.fasterxml.jackson.databind.JsonNode suggestion : staff.clockSuggestions(number)) {
            if (suggestion.path("type").asText().equals("LABOUR_ARBITRATION")) {
                arbitration = suggestion;
            }
        }
        assertThat(arbitration).as("the arbitration year is suggested").isNotNull();
        assertThat(arbitration.path("triggerDate").asText()).isEqualTo(picked.toString());
        assertThat(arbitration.path("triggerSource").asText()).isEqualTo("市民填写");
        // made under the consent the first page recorded (X-Consent-Id), which is still in force
        assertThat(count("select count(*) from ticket t join citizen_consent c on c.id = t.consent_id "
                + "where t.number = '" + number + "' and c.channel = 'WEB' and c.withdrawn_at is null")).isEqualTo(1);
        app.waitForText("#photo-status", "照片已上传");
        assertThat(jdbc.queryForObject("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id "
                + "where t.number = ? and a.content_type = 'image/jpeg'", Long.class, number)).isEqualTo(1);
        noCodes("receipt");
        app.screenshot("06-receipt");
        app.tap("#copy-number");
        app.tap("#show-token");
        String token = app.text("#tracking-token");

        // a consultant answers through the API
        relay.relayPending();
        staff.answer(number, "可以先书面催告单位支付，仍不支付的，可以向劳动保障监察机构投诉，或者向劳动人事争议仲裁委员会申请仲裁，仲裁不收费。");

        // the citizen finds it under my consultations with its status in words, and reads the answer
        app.open("/pages/index/index");
        app.tap("#go-tickets");
        app.waitForText(".ticket-row[data-number='" + number + "'] .status", "已答复");
        noCodes("my consultations");
        app.screenshot("07-my-consultations");
        app.tap(".ticket-row[data-number='" + number + "']");
        app.waitForText("#ticket-status", "已答复");
        assertThat(app.text("#conversation")).contains("劳动保障监察机构");
        // the photo sent with the question is shown back, fetched with the query code
        app.waitUntil("the photo sent with the question is shown", "const i = document.querySelector('#my-photos img');"
                + " return i !== null && i.complete && i.naturalWidth > 0");
        noCodes("consultation");
        app.screenshot("08-consultation-answered");

        // follows up; the consultant answers again
        app.type("#follow-up", "如果公司不承认拖欠，我需要准备哪些证据？");
        app.tap("#follow-up-submit");
        app.waitForText("#detail-notice", "追问已发送");
        assertThat(app.text("#ticket-status")).isIn("正在办理", "等待受理");
        relay.relayPending();
        staff.answer(number, "可以准备劳动合同、工资条、银行流水、考勤记录和与单位的聊天记录，这些都能证明劳动关系和欠薪数额。");
        // a dispatcher records the worker's arbitration deadline; the citizen reads it in words (issue 22)
        staff.addClock(number, "LABOUR_ARBITRATION", LocalDate.now().minusMonths(2).toString());
        app.reload();
        app.waitForText("#ticket-status", "已答复");
        assertThat(app.text("#conversation")).contains("我的追问", "银行流水");
        app.waitForText("#legal-clocks", "劳动仲裁申请期限");
        assertThat(app.text("#legal-clocks")).contains("截止", "劳动争议调解仲裁法", "不构成法律意见");
        noCodes("consultation with a legal clock");
        app.screenshot("08b-legal-clock");

        // the citizen's second phone looks the consultation up by number and query code, and stays on it
        ChromeDriver secondBrowser = HeadlessChromium.start();
        try {
            CitizenAppPage second = new CitizenAppPage(secondBrowser, port, SCREENSHOTS);
            second.open("");
            second.tap("#consent-accept");
            second.tap("#go-tickets");
            second.type("#find-number", number);
            second.type("#find-token", token);
            second.tap("#find-submit");
            second.waitForText("#ticket-status", "已答复");
            second.visible("#rate-submit");

            acceptAndRate();

            // the second rating, from the page left open there, is refused politely and changes nothing
            second.tap("#rating [data-score='1']");
            second.tap("#rate-submit");
            second.waitForText("#detail-notice", "您已经评价过这件咨询了，每件咨询只能评价一次");
            assertThat(second.text("#my-rating")).isEqualTo("5分（很满意）");
            noCodesOn(second, "consultation, second rating refused");
            second.screenshot("10-second-rating-refused");
        } finally {
            secondBrowser.quit();
        }
        Map<String, Object> stored = jdbc.queryForMap("select status, satisfaction from ticket where number = ?", number);
        assertThat(stored).containsEntry("status", "CLOSED").containsEntry("satisfaction", 5);
        assertThat(count("select count(*) from timeline_entry e join ticket t on t.id = e.ticket_id "
                + "where t.number = '" + number + "' and e.type = 'RATED'")).isEqualTo(1);

        // and asks for their personal data to be erased, for the consultations this phone knows
        app.open("/pages/privacy/index");
        app.tap("#request-erasure");
        assertThat(app.text("#erasure-notice")).contains("删除申请已经登记");
        assertThat(count("select count(*) from audit_entry where ticket_number = '" + number
                + "' and action = 'CITIZEN_ERASURE_REQUESTED'")).isEqualTo(1);
    }

    /** A phone photo with its GPS position, as a citizen's camera writes it. */
    private static Path payslipPhoto() {
        try {
            Path photo = Files.createTempFile("payslip", ".jpg");
            photo.toFile().deleteOnExit();
            return Files.write(photo, SampleFiles.jpegWithGps(1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void acceptAndRate() {
        app.tap("#accept-answer");
        app.waitForText("#ticket-status", "已办结");
        app.tap("#rating [data-score='5']");
        app.type("#rating-comment", "答复很及时，谢谢");
        app.tap("#rate-submit");
        app.waitForText("#detail-notice", "谢谢您的评价");
        assertThat(app.text("#my-rating")).isEqualTo("5分（很满意）");
        noCodes("consultation closed and rated");
        app.screenshot("09-consultation-rated");

    }

    @Test
    void theGuideThePrivacyPageAndTheLookUpSpeakPlainChinese() {
        // a first visit with nothing cached: how long until the first page can be used, and what it loaded;
        // and whatever the product's content security policy refused on any page
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "new MutationObserver((m, o) => { if (document.querySelector('#consent-accept')) {"
                        + " window.__interactiveAt = performance.now(); o.disconnect(); } })"
                        + ".observe(document, {childList: true, subtree: true});"
                        + "document.addEventListener('securitypolicyviolation', e => localStorage.setItem("
                        + "'csp-refused', (localStorage.getItem('csp-refused') || '') + e.violatedDirective + ' '"
                        + " + e.blockedURI + '; '));"));
        app.open("");
        app.visible("#consent-accept");
        log.info("Citizen app first load on this machine: usable after {} ms; loaded {}",
                app.script("return Math.round(window.__interactiveAt)"),
                app.script("return performance.getEntriesByType('resource').map(r => r.name.replace(/^.*\\/m\\//, '')"
                        + " + ' ' + r.transferSize).join(', ')"));
        app.tap("#consent-accept");
        app.tap("#go-legal-aid");
        assertThat(app.text("#who")).contains("讨要工资", "家庭暴力");
        assertThat(app.text("#bring")).contains("身份证");
        assertThat(app.text("#where")).contains("法律援助中心");
        // where to go: the province's centre first, then a city's centre before it once the city is chosen
        app.waitForText("#centres .centre-name", "广东省法律援助中心");
        app.tap("#centres #region-city");
        app.tap(".region-option[data-code='440100']");
        app.waitForText("#centres .centre-name", "广州市法律援助中心");
        // the number on one line, even where the button breaks after 拨打
        assertThat(app.text("#centres")).contains("广东省法律援助中心", "办公时间", "拨打", "020-12348", "复制地址", "示例信息");
        noCodes("legal-aid guide");
        app.screenshot("11-legal-aid-guide");
        app.tap("#who .law");
        assertThat(app.text("#statute")).contains("中华人民共和国法律援助法", "第三十一条", "支付劳动报酬");
        noCodes("statute");
        app.screenshot("12-statute");

        app.open("/pages/tickets/index");
        app.visible("#no-tickets");
        app.type("#find-number", "GD20990101-000001");
        app.type("#find-token", "not-the-token");
        app.tap("#find-submit");
        assertThat(app.text("#find-error")).contains("请核对咨询编号和查询码");
        assertThat(app.text("#sms-sign-in")).contains("获取验证码");
        noCodes("my consultations, empty");
        app.screenshot("13-my-consultations-empty");

        app.open("/pages/ask/index");
        app.type("#question", "邻居装修太吵");
        app.tap("#ask-submit");
        assertThat(app.text("#region-required")).isEqualTo("请选择您所在的城市。");
        noCodes("ask, city missing");
        app.screenshot("15-ask-city-missing");

        app.open("/pages/privacy/index");
        assertThat(app.text("#consent-date")).contains("同意了个人信息保护说明");
        noCodes("privacy");
        app.screenshot("14-privacy");
        app.tap("#withdraw-consent");
        app.visible(".uni-modal__btn_primary");
        app.screenshotAsShown("16-withdraw-confirm");
        app.tap(".uni-modal__btn_primary");
        app.visible("#consent-accept");
        assertThat(app.script("return Object.keys(localStorage).filter(k => k.includes('law12348')).length"))
                .isEqualTo(0L);
        assertThat(app.script("return localStorage.getItem('csp-refused')")).as("refused by the CSP").isNull();
    }

    @Test
    void aWebCitizenSignsInWithACodeTextedToThePhoneAndOpensAConsultationFiledElsewhere() throws Exception {
        String phone = "1397" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String number = fileFromAnotherDevice(phone);
        app.open("");
        app.tap("#consent-accept");
        app.open("/pages/tickets/index");
        app.visible("#sms-sign-in");
        noCodes("my consultations, SMS sign-in");

        app.type("#sms-phone", phone);
        app.tap("#sms-send");
        app.waitForText("#sms-notice", "验证码已发送");
        assertThat(app.text("#sms-send")).contains("秒后可重发");
        app.screenshot("17-sms-code-sent");
        app.type("#sms-code", FakeAliyunSms.get().lastCodeTo(phone));
        app.tap("#sms-submit");

        app.visible(".ticket-row[data-number='" + number + "']");
        assertThat(app.text("#sms-signed-in")).contains(phone.substring(0, 3) + "****" + phone.substring(7));
        noCodes("my consultations, signed in by SMS");
        app.screenshot("18-sms-signed-in");
        app.tap(".ticket-row[data-number='" + number + "']");
        app.visible("#ticket-status");
        assertThat(app.text("#ticket-question")).contains("邻居家漏水");
        assertThat(app.text("#ticket-number")).isEqualTo(number);
        noCodes("a consultation opened through the SMS sign-in");
        app.screenshot("19-sms-consultation");
    }

    /** The citizen asked on the web portal of another computer: this phone holds no tracking token for it. */
    private String fileFromAnotherDevice(String phone) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("businessType", "LEGAL_CONSULTATION",
                "regionCode", "440106", "text", "邻居家漏水把我家天花板泡坏了，对方不肯赔，怎么办？", "contactPhone", phone));
        HttpResponse<String> filed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/tickets"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return new ObjectMapper().readTree(filed.body()).path("number").asText();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

}
