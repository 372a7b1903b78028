package org.law12348.miniapp;

import org.law12348.ticketing.BusinessType;
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
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * The module with ticketing, as the app assembles them, minus Camunda: routing is a two-rule table
 * (consultations to the provincial volunteer pool, everything else to Guangzhou's 12348 platform),
 * and the API filter chain opens {@code /api/v1/miniapp/**} and the consent endpoints like the app's does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("org.law12348")
@EntityScan("org.law12348")
@EnableJpaRepositories("org.law12348")
class MiniappTestApplication {

    /** The labour-arbitration row of workflow-models' legal-clock-types decision. */
    @Bean
    ClockRules clockRules() {
        return ClockRules.of(List.of(new ClockRule("LABOUR_ARBITRATION", "劳动仲裁申请期限", 1, PeriodUnit.YEARS,
                CalendarRule.NEXT_WORKING_DAY, SuspensionRule.RESUME, "中华人民共和国劳动争议调解仲裁法 第二十七条",
                List.of(30, 7, 1), "C-LABOUR-ARBITRATION")));
    }

    /** The pool's answer window is workflow-models' setting; these tests keep the default day. */
    @Bean
    org.law12348.ticketing.PoolAnswerWindow poolAnswerWindow() {
        return () -> java.time.Duration.ofHours(24);
    }

    @Bean
    TicketRouting ticketRouting() {
        return query -> query.businessType() == BusinessType.LEGAL_CONSULTATION
                ? new RouteDecision("GD-4400-CENTER", RoutingQueue.VOLUNTEER_POOL, 24, "test-consultation")
                : new RouteDecision("GD-4401-12348", RoutingQueue.UNIT, 72, "test-unit");
    }

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/miniapp/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/citizen/consents").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/citizen/consents/*").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> { })
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getSession(false) == null));
        return http.build();
    }
}
