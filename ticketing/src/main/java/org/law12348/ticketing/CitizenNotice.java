package org.law12348.ticketing;

/**
 * What the citizen should be told about their ticket, with the addresses of the channel it came
 * from. {@code title} and {@code summary} are Chinese, short enough for a template message.
 */
public record CitizenNotice(String ticketNumber, Channel channel, Kind kind, String title, String summary,
                            String wechatOpenId, String alipayUserId, String phone) {

    /** Why the citizen is notified. */
    public enum Kind {
        ACCEPTED, ANSWERED, CLOSED,
        /** A legal clock of the citizen's ticket is about to run out (see {@code clocks.ClockReminders}). */
        CLOCK_REMINDER
    }
}
