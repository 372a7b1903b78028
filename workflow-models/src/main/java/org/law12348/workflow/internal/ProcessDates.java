package org.law12348.workflow.internal;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Date;

/**
 * Due dates for the models' timers, as {@code ${processDates.after(answerWindow)}}. A timer given
 * as an ISO-8601 {@code timeDuration} makes the engine build a {@code javax.xml.datatype.DatatypeFactory}
 * through a service-loader scan for every timer it creates — a fifth of the cost of starting a
 * consultation, measured with JFR. Counting from the engine's clock keeps tests that move it exact.
 */
@Component("processDates")
public class ProcessDates {

    /** The engine's current time plus an ISO-8601 duration such as {@code PT24H} or {@code P7D}. */
    public Date after(String isoDuration) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(isoDuration)));
    }
}
