package org.law12348.attachments;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Attachments on the filesystem under {@code law12348.ticketing.attachments.dir}, unless another storage is a bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AttachmentStorage attachmentStorage(AttachmentProperties properties) {
        return new FileSystemAttachmentStorage(properties.dir());
    }
}
