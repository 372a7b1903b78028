package org.law12348.knowledge;

import org.law12348.consultation.AnsweredQuestions;
import org.law12348.consultation.Consultant;
import org.law12348.consultation.ConsultantApplication;
import org.law12348.consultation.Consultants;
import org.law12348.consultation.ConsultationConfiguration;
import org.law12348.consultation.QualificationType;
import org.law12348.consultation.ValidCertifications;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketRouting;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.TicketingConfiguration;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * The knowledge base on its own, with the pieces of ticketing it uses (staff directory, problem
 * details, clock, the answered questions it drafts from, the ticket view the similar-tickets panel reads
 * through), and the security rules the application is expected to have for /api/v1/kb.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("org.law12348.knowledge")
@Import({StaffDirectory.class, CurrentStaff.class, ValidCertifications.class, ApiProblems.class, TicketingConfiguration.class,
        ConsultationConfiguration.class,
        AuditTrail.class, AnsweredQuestions.class, TicketService.class})
@EntityScan("org.law12348")
@EnableJpaRepositories("org.law12348")
public class KnowledgeTestApplication {

    /** The consultants the tests draft as: staff decisions rest on an approved certification, not the role. */
    static final List<String> CERTIFIED_CONSULTANTS = List.of("lawyer-li", "lawyer-wang");

    @Bean
    ApplicationRunner certifiedConsultants(StaffAccounts accounts, Consultants consultants, Clock clock) {
        return args -> {
            for (String username : CERTIFIED_CONSULTANTS) {
                if (consultants.existsById(username)) {
                    continue;
                }
                // the tests sign them in as mock users: the account needs no usable password
                accounts.save(new StaffAccount(username, "-", username, StaffRole.CONSULTANT, null));
                Instant now = clock.instant();
                Consultant consultant = new Consultant(username, new ConsultantApplication(
                        QualificationType.PRACTISING_LAWYER, "14401201810000001", new RegionCode("440000"),
                        EnumSet.of(BusinessType.LEGAL_CONSULTATION), EnumSet.of(LegalCategory.LABOR), null), now);
                consultant.approve(LocalDate.now(clock).plusYears(1), "admin-chen", now);
                consultants.save(consultant);
            }
        };
    }

    /** Tickets here are read, never routed: routing is workflow's, outside these tests. */
    @Bean
    TicketRouting noRouting() {
        return query -> {
            throw new UnsupportedOperationException("The knowledge base's tests route no tickets: " + query);
        };
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/search", "/api/v1/kb/suggest").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/kb/deflections").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/articles/*", "/api/v1/kb/statutes/*").permitAll()
                        .requestMatchers("/api/v1/kb/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
