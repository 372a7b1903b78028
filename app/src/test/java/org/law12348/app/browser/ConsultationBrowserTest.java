package org.law12348.app.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online hall in a real browser: a citizen asks, the demo consultant claims and answers, the
 * citizen reads the answer, rates and accepts it, and the consultant sees the points; and a citizen
 * whose question the knowledge base answers while they type says so instead of asking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1")
class ConsultationBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void choose(String selectId, String value) {
        wait.until(d -> d.findElements(By.cssSelector("#" + selectId + " option[value='" + value + "']")).size() == 1);
        new Select(browser.findElement(By.id(selectId))).selectByValue(value);
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo12348");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void aCitizenAsksAConsultantAnswersTheCitizenRatesAndTheConsultantEarnsPoints() {
        // the citizen asks on the portal
        browser.get(url("/"));
        choose("province", "440000");
        choose("city", "440100");
        choose("county", "440106");
        browser.findElement(By.id("text")).sendKeys("公司拖欠我两个月工资，老板说没钱，我应该怎么办？");
        browser.findElement(By.id("ask-submit")).click();
        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number")));
        String ticket = number.getText();
        String trackingPage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("待受理");

        // the consultant claims and answers it
        signIn("consultant");
        browser.get(url("/consultant"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".pool-row[data-number='" + ticket + "'] .claim-button"))).click();
        WebElement claim = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".claim[data-number='" + ticket + "']")));
        assertThat(claim.findElements(By.cssSelector(".similar li"))).isNotEmpty();
        claim.findElement(By.name("text")).sendKeys(
                "可以先向用人单位书面催告，仍不支付的可向劳动保障监察机构投诉，或申请劳动仲裁，要求支付工资和赔偿金。");
        claim.findElement(By.name("citedArticles")).sendKeys("劳动合同法第三十条");
        claim.findElement(By.cssSelector(".answer-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .contains("答复已发送");
        signOut();

        // the citizen sees the answer, rates it and accepts it
        browser.get(trackingPage);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("已答复", "劳动保障监察机构", "劳动合同法第三十条");
        new Select(browser.findElement(By.id("score"))).selectByValue("5");
        browser.findElement(By.id("rate-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-rating")));
        browser.findElement(By.id("accept-answer")).click();
        wait.until(ExpectedConditions.textToBe(By.id("ticket-status"), "已办结"));

        // the consultant sees the points once the closing is relayed
        signIn("consultant");
        wait.until(d -> {
            d.get(url("/consultant"));
            return d.findElement(By.id("points-history")).getText().contains(ticket);
        });
        assertThat(browser.findElement(By.id("points-history")).getText()).contains("答复问题", "问题解决奖励");
        assertThat(Integer.parseInt(browser.findElement(By.id("points")).getText())).isGreaterThanOrEqualTo(25);

        // one action turns the resolved answer into a knowledge-base draft
        browser.findElement(By.cssSelector(".answered-row[data-number='" + ticket + "'] .faq-draft-button")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .contains("已生成知识库草稿");
        String draft = browser.findElement(By.cssSelector(".answered-row[data-number='" + ticket + "'] .faq-draft"))
                .getText().replace("已转为草稿", "").strip();
        signOut();

        // an administrator edits the question into a general one and publishes it, in the workspace
        signIn("admin");
        browser.get(url("/workspace/admin/knowledge?tab=DRAFT"));
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".kb-row[data-id='" + draft + "']")));
        assertThat(card.getText()).contains("来自工单 " + ticket);
        card.click();
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#kb-question")));
        wait.until(d -> !question.getDomProperty("value").isBlank());
        question.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "单位拖欠工资不发，劳动者怎样讨要？");
        browser.findElement(By.id("kb-publish")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".el-message--success"))).getText())
                .contains("已发布");
        wait.until(d -> d.findElements(By.cssSelector(".kb-row[data-id='" + draft + "']")).isEmpty());
        assertThat(jdbc.queryForObject("select question from kb_faq_article where id = ?", String.class, draft))
                .as("the edit published with it").isEqualTo("单位拖欠工资不发，劳动者怎样讨要？");
        browser.get(url("/"));
        signOut();

        // the next citizen finds it while typing
        browser.get(url("/"));
        browser.findElement(By.id("text")).sendKeys("单位拖欠工资不发，怎样讨要");
        wait.until(d -> !d.findElements(By.cssSelector(".suggestion[data-id='" + draft + "']")).isEmpty());
    }

    @Test
    void answersShowWhileTheCitizenTypesAndSolvedRecordsADeflectionWithoutATicket() {
        long ticketsBefore = count("select count(*) from ticket");
        long deflectionsBefore = count("select count(*) from kb_deflection");

        browser.get(url("/"));
        // longer than a search query may be: the portal searches with its first 100 characters
        String question = "公司拖欠我三个月工资，老板一直说没钱不发，我该怎么要回工资？" + "我在这家公司工作了两年。".repeat(10);
        browser.findElement(By.id("text")).sendKeys(question);

        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".suggestion")));
        List<WebElement> shown = browser.findElements(By.cssSelector(".suggestion"));
        assertThat(shown).hasSizeBetween(1, 3);
        assertThat(browser.findElement(By.id("suggestions")).getText()).contains("工资");
        String articleId = first.getDomAttribute("data-id");

        first.findElement(By.tagName("summary")).click();
        WebElement answer = first.findElement(By.cssSelector(".suggestion-answer"));
        wait.until(d -> !answer.getText().isBlank());
        String shownAnswer = answer.getText();
        String storedAnswer = jdbc.queryForObject("select answer from kb_faq_article where id = ?", String.class,
                articleId);
        assertThat(shownAnswer).contains(storedAnswer.lines().findFirst().orElseThrow().strip());

        first.findElement(By.cssSelector(".solved-button")).click();
        WebElement thanks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestion-solved")));
        assertThat(thanks.getText()).contains("无需再提交咨询");
        assertThat(browser.findElement(By.id("suggestions")).isDisplayed()).isFalse();

        assertThat(count("select count(*) from kb_deflection")).isEqualTo(deflectionsBefore + 1);
        Map<String, Object> recorded = jdbc.queryForMap(
                "select article_id, query from kb_deflection order by id desc limit 1");
        assertThat(recorded.get("article_id")).isEqualTo(articleId);
        assertThat((String) recorded.get("query")).startsWith("公司拖欠我三个月工资").hasSize(100);
        assertThat(count("select count(*) from ticket")).isEqualTo(ticketsBefore);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
