package org.law12348.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The 12348 contact center: assembles ticketing, workflow, knowledge base, channels and portals. */
@SpringBootApplication(scanBasePackages = "org.law12348")
@EntityScan("org.law12348")
@EnableJpaRepositories("org.law12348")
@EnableScheduling
public class ContactCenterApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContactCenterApplication.class, args);
    }
}
