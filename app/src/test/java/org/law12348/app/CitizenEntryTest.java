package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen app is the citizens' web portal: the front page opens it, the addresses of the
 * server-rendered portal it replaced open its look-up page, and the old forms take nothing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:citizen-entry;DB_CLOSE_DELAY=-1")
class CitizenEntryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFrontPageOpensTheCitizenApp() {
        HttpApi.Answer front = new HttpApi(port).get("/");
        assertThat(front.status()).isEqualTo(302);
        assertThat(front.raw().headers().firstValue("Location")).hasValue("/m/");
    }

    @Test
    void oldTrackingAddressesOpenTheAppsLookUpPage() {
        for (String old : new String[] {"/track", "/track/GD20261128-000001"}) {
            HttpApi.Answer answer = new HttpApi(port).get(old);
            assertThat(answer.status()).as(old).isEqualTo(301);
            assertThat(answer.raw().headers().firstValue("Location")).as(old).hasValue("/m/#/pages/tickets/index");
        }
    }

    @Test
    void theOldFormsTakeNothingIn() {
        long before = jdbc.queryForObject("select count(*) from ticket", Long.class);
        byte[] form = "businessType=LEGAL_AID&regionCode=440106&text=%E5%85%AC%E5%8F%B8%E6%8B%96%E6%AC%A0%E5%B7%A5%E8%B5%84"
                .getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] {"/ask", "/track", "/track/GD20261128-000001/follow-up"}) {
            int status = new HttpApi(port).postRaw(path, "application/x-www-form-urlencoded", form).status();
            assertThat(status).as(path).isBetween(400, 499);
        }
        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class)).isEqualTo(before);
    }
}
