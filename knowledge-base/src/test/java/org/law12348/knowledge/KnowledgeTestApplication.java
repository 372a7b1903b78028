package org.law12348.knowledge;

import org.law12348.ticketing.StaffDirectory;
import org.law12348.ticketing.TicketingConfiguration;
import org.law12348.ticketing.audit.AuditTrail;
import org.law12348.ticketing.consultation.AnsweredQuestions;
import org.law12348.ticketing.web.ApiProblems;
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

/**
 * The knowledge base on its own, with the pieces of ticketing it uses (staff directory, problem
 * details, clock, the answered questions it drafts from), and the security rules the application is expected to have for /api/v1/kb.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("org.law12348.knowledge")
@Import({StaffDirectory.class, ApiProblems.class, TicketingConfiguration.class, AuditTrail.class,
        AnsweredQuestions.class})
@EntityScan("org.law12348")
@EnableJpaRepositories("org.law12348")
public class KnowledgeTestApplication {

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
