package org.law12348.app.workspace;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, administrator: in Debian's Chromium, the holiday calendar page — a year opened from the
 * home's tile, a day added whose typing survives a reload, saving after a confirmation, the page at
 * 390 px without sideways scrolling and without codes.
 */
class HolidayCalendarBrowserTest extends H2WorkspaceApp {

    private static final List<String> CODES = List.of("HOLIDAY_CALENDAR_CHANGED", "OFFICIAL", "PROVISIONAL", "WORKDAY", "SHIPPED");

    @Autowired
    JdbcTemplate jdbc;

    private WorkspaceBrowser browser;

    @Test
    void anAdministratorAddsAHolidayKeptAsADraftOverAReloadAndSavesIt() {
        browser = browser();
        browser.width(1280);
        browser.signIn("admin");
        browser.until(ExpectedConditions.urlContains("/workspace/admin"));
        browser.driver.findElement(By.xpath("//a[contains(@class,'tile')][contains(.,'节假日安排')]")).click();
        browser.until(ExpectedConditions.urlContains("/workspace/admin/holidays"));
        browser.settled();
        browser.until(d -> browser.visibleText().contains("放假") && browser.visibleText().contains("调休上班"));
        browser.screenshot("holidays-1280");

        // a new day at the end of the list: typed, then the page reloaded
        int rows = browser.all(By.cssSelector(".day-row")).size();
        browser.driver.findElement(By.id("holiday-add-day")).click();
        browser.until(d -> browser.all(By.cssSelector(".day-row")).size() == rows + 1);
        WebElement name = browser.all(By.cssSelector(".day-row .name input")).get(rows);
        name.sendKeys("浏览器测试假日");
        browser.driver.navigate().refresh();
        browser.settled();
        browser.message("已恢复");
        browser.until(d -> browser.all(By.cssSelector(".day-row .name input")).stream()
                .anyMatch(i -> "浏览器测试假日".equals(i.getAttribute("value"))));

        // saving without a date is refused on the row, before anything is sent
        browser.driver.findElement(By.id("holiday-save")).click();
        browser.until(d -> browser.visibleText().contains("请选择日期"));

        browser.width(390);
        browser.settled();
        assertThat(browser.horizontalOverflow()).as("sideways scrolling at 390 px").isLessThanOrEqualTo(0);
        browser.screenshot("holidays-390");
        String text = browser.visibleText();
        assertThat(CODES).allSatisfy(code -> assertThat(text).doesNotContain(code));

        // the row gets its date; the year is saved after the question
        List<WebElement> dates = browser.all(By.cssSelector(".day-row .date input"));
        WebElement date = dates.get(dates.size() - 1);
        date.click();
        date.sendKeys("2026-12-31", Keys.ENTER);
        browser.until(d -> "2026-12-31".equals(date.getAttribute("value")));
        browser.driver.findElement(By.id("holiday-save")).click();
        WebElement confirm = browser.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".el-message-box__btns .el-button--primary")));
        assertThat(browser.text(By.cssSelector(".el-message-box__message"))).contains("立即用于所有法律期限的计算");
        confirm.click();
        browser.message("已保存");
        assertThat(jdbc.queryForObject("select count(*) from holiday_calendar_day where calendar_day = date '2026-12-31'"
                + " and kind = 'HOLIDAY' and name = '浏览器测试假日'", Integer.class)).isEqualTo(1);
    }
}
