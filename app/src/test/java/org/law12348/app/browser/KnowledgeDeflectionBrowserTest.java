package org.law12348.app.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * Deflection in a real browser: while a citizen types, the portal shows the knowledge base's answers;
 * "this solved my problem" is recorded against the article and no ticket is made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1")
class KnowledgeDeflectionBrowserTest {

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

    @Test
    void answersShowWhileTheCitizenTypesAndSolvedRecordsADeflectionWithoutATicket() {
        long ticketsBefore = count("select count(*) from ticket");
        long deflectionsBefore = count("select count(*) from kb_deflection");

        browser.get("http://127.0.0.1:" + port + "/");
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
