package org.law12348.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the workflow module ({@code law12348.workflow.*}).
 *
 * @param answerWindow   how long a question waits in the volunteer pool before the outsourced unit
 *                       takes it over (ISO-8601, default PT24H)
 * @param autoCloseAfter how long after an answer a ticket closes by itself if the citizen says
 *                       nothing more (default P7D)
 * @param versionRefresh how long a node keeps assuming that the version of a process or of the
 *                       routing table it last looked up is the newest; a deployment on another node
 *                       takes effect here within this time, a routing table deployed on this node at
 *                       once (default PT1S)
 */
@ConfigurationProperties("law12348.workflow")
public record WorkflowProperties(Duration answerWindow, Duration autoCloseAfter, Duration versionRefresh) {

    public WorkflowProperties {
        answerWindow = answerWindow == null ? Duration.ofHours(24) : answerWindow;
        autoCloseAfter = autoCloseAfter == null ? Duration.ofDays(7) : autoCloseAfter;
        versionRefresh = versionRefresh == null ? Duration.ofSeconds(1) : versionRefresh;
    }
}
