package org.law12348.ticketing.clocks;

import java.time.LocalDate;
import java.util.List;

/**
 * A clock the ticket suggests (issue 22), for staff to confirm with a trigger date or dismiss.
 *
 * @param reason        why, in Chinese: "问题类别：劳动争议", "业务类型：法律援助", "问题中提到“判决”"
 * @param triggerDate   the proposed trigger date, or {@code null} when nothing on the ticket gives one
 * @param triggerSource where it comes from, in Chinese ("问题中写的“3月5号”", "申请提交日"), or {@code null}
 * @param candidates    every date the question's text gives, for staff to choose another
 */
public record ClockSuggestion(ClockRule rule, String reason, LocalDate triggerDate, String triggerSource,
                              List<TriggerDates.Found> candidates) {
}
