package org.law12348.consultation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Wires the consultation module's settings ({@code law12348.consultation.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsultationProperties.class)
public class ConsultationConfiguration {
}
