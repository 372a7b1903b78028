package org.law12348.telephony;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketIntake;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, hotline item 6: after the embedded default was killed, ticket numbers went on from
 * -000021 to -001601. H2 caches 32 values of a sequence and, after an unclean stop, resumes past all of
 * them; ticket_seq steps by 50. Killed here the way H2 itself offers: the last commit written to disk
 * (CHECKPOINT), then SHUTDOWN IMMEDIATELY, which leaves the files as a crash would.
 */
class TicketNumbersAfterCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void ticketNumbersGoOnWithoutAJumpAfterAnUncleanStop() {
        String before;
        try (ConfigurableApplicationContext first = start()) {
            before = take(first, "crash-before");
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.execute("checkpoint");
            jdbc.execute("shutdown immediately");
        }

        String after;
        try (ConfigurableApplicationContext second = start()) {
            after = take(second, "crash-after");
        }

        // a restarted node draws a new block of 50 ids: the rest of the old block is all it may skip
        assertThat(serial(after) - serial(before)).isPositive().isLessThanOrEqualTo(50);
    }

    private ConfigurableApplicationContext start() {
        // as command-line arguments: they outrank the test application.yml's in-memory database
        return new SpringApplicationBuilder(TelephonyTestApp.class).run(
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("law12348") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.jmx.enabled=false",
                "--law12348.telephony.fastagi.enabled=false");
    }

    private static String take(ConfigurableApplicationContext context, String ref) {
        return context.getBean(TicketIntake.class).receive(IntakeRequest.fromWeb(ref, "LEGAL_AID", "440106",
                "公司拖欠我三个月工资，想申请法律援助。").withPhone("13800138000")).ticketNumber();
    }

    private static long serial(String number) {
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }
}
