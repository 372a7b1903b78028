package org.law12348.telephony;

import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.RouteDecision;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.TicketRouting;
import org.law12348.ticketing.clocks.CalendarRule;
import org.law12348.ticketing.clocks.ClockRule;
import org.law12348.ticketing.clocks.ClockRules;
import org.law12348.ticketing.clocks.PeriodUnit;
import org.law12348.ticketing.clocks.SuspensionRule;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The application as the app module will assemble it, for module tests: everything under
 * org.law12348 on the classpath (ticketing and telephony), H2 in memory, and stand-ins for the
 * DMN routing (workflow-models) and the clock.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("org.law12348")
@EntityScan("org.law12348")
@EnableJpaRepositories("org.law12348")
public class TelephonyTestApp {

    /** Guangdong's 21 cities have their own 12348 platform; everything else goes to the provincial centre. */
    private static final Set<String> GD_CITIES = Set.of("4401", "4402", "4403", "4404", "4405", "4406", "4407",
            "4408", "4409", "4412", "4413", "4414", "4415", "4416", "4417", "4418", "4419", "4420", "4451", "4452",
            "4453");

    /**
     * The clock-type table is a DMN decision of workflow-models: here its labour-arbitration row, and a
     * type the table might gain after a release, which has no prompt of its own.
     */
    @Bean
    ClockRules clockRules() {
        return ClockRules.of(List.of(
                new ClockRule("LABOUR_ARBITRATION", "劳动仲裁申请期限", 1, PeriodUnit.YEARS, CalendarRule.NEXT_WORKING_DAY,
                        SuspensionRule.RESUME, "中华人民共和国劳动争议调解仲裁法 第二十七条", List.of(30, 7, 1),
                        "C-LABOUR-ARBITRATION"),
                new ClockRule(NEW_CLOCK_TYPE, "新增的期限", 10, PeriodUnit.DAYS, CalendarRule.NEXT_WORKING_DAY,
                        SuspensionRule.RESUME, "测试", List.of(1), "C-TEST-NEW")));
    }

    /** A clock type the IVR has no prompt for. */
    public static final String NEW_CLOCK_TYPE = "TEST_NEW_TYPE";

    /** The pool's answer window is workflow-models' setting; these tests keep the default day. */
    @Bean
    org.law12348.ticketing.PoolAnswerWindow poolAnswerWindow() {
        return () -> java.time.Duration.ofHours(24);
    }

    @Bean
    TicketRouting ticketRouting() {
        return query -> {
            RegionCode region = query.region();
            String unit = GD_CITIES.contains(region.cityCode()) ? "GD-" + region.cityCode() + "-12348" : "GD-4400-CENTER";
            return new RouteDecision(unit, RoutingQueue.UNIT, 72, "TEST-" + unit);
        };
    }

    @Bean
    @org.springframework.context.annotation.Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);
    }

    /** A clock tests move by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;
        private final java.time.ZoneId zone;

        MutableClock(Instant now, java.time.ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(java.time.ZoneId other) {
            return new MutableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
