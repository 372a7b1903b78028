package org.law12348.miniapp;

import org.junit.jupiter.api.Test;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.privacy.PersonalDataCipher;
import org.law12348.ticketing.retention.RetentionJob;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the mini-programs keep about a ticket goes when the ticket is anonymised (retention, erasure). */
class MiniappErasureTest extends MiniappTestSupport {

    private static final StaffMember DISPATCHER = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);

    @Autowired
    RetentionJob retention;
    @Autowired
    TicketService staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void retentionDeletesATicketsImagesNotificationsAndClientMessagesButKeepsTheAccount() {
        String openId = unique("o6_retained");
        String token = wechatSignIn(openId);
        Response submitted = multipart(token, unique("img"), new byte[][] {JPEG, PNG});
        String number = submitted.body().path("number").asText();
        Path images = imageFolder(token, number);
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        staff.answer(number, "工伤可以申请法律援助，请携带身份证和受伤证明。", DISPATCHER);
        deliverTicketEvents();
        Response accepted = post("/api/v1/miniapp/tickets/" + number + "/accept-answer", token, unique("acc"), null);
        assertThat(accepted.body().path("status").asText()).as(accepted.body().toString()).isEqualTo("CLOSED");
        assertThat(images.resolve("1.jpg")).exists();
        assertThat(rowsOf("miniapp_notification", number)).isPositive();
        assertThat(rowsOf("miniapp_client_message", number)).isEqualTo(1);

        clock.advance(Duration.ofDays(3 * 366 + 1));
        retention.runNow("admin");

        assertThat(images).doesNotExist();
        assertThat(rowsOf("miniapp_notification", number)).isZero();
        assertThat(rowsOf("miniapp_client_message", number)).isZero();
        assertThat(accounts("wechat_openid_hash", openId)).isEqualTo(1);
    }

    private int rowsOf(String table, String number) {
        return jdbc.queryForObject("select count(*) from " + table + " where ticket_number = ?", Integer.class, number);
    }

    private int accounts(String hashColumn, String value) {
        return jdbc.queryForObject("select count(*) from miniapp_citizen where " + hashColumn + " = ?", Integer.class,
                cipher.blindIndex(value));
    }
}
