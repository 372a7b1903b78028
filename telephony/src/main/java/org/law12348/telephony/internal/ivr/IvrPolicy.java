package org.law12348.telephony.internal.ivr;

import org.law12348.telephony.TelephonyProperties.Ivr;
import org.law12348.telephony.TelephonyProperties.MenuEntry;

/**
 * The IVR's decisions, free of sockets and clocks: what a key means in the menu, and what happens to
 * a call once the caller chose a service. The {@code hotline} script only carries them out.
 */
public final class IvrPolicy {

    /** What the caller's key in the business menu leads to. */
    public sealed interface MenuOutcome {
    }

    /** A service is chosen; {@code byDefault} when the caller never pressed a valid key. */
    public record Chosen(MenuEntry entry, boolean byDefault) implements MenuOutcome {
    }

    /** Play the menu again, after {@code prompt} when not null. */
    public record Replay(String prompt) implements MenuOutcome {
    }

    /** Where the call goes once the service is known. */
    public enum Next {
        /** hand the call back to the dialplan for the queue */
        QUEUE,
        /** book a callback instead of waiting */
        CALLBACK,
        /** record a message that becomes a ticket */
        MESSAGE
    }

    /** The next step and the prompt that explains it (null when nothing needs explaining). */
    public record Plan(Next next, String prompt) {
    }

    public static final String REPEAT_KEY = "*";
    public static final String CALLBACK_KEY = "9";
    public static final String MESSAGE_KEY = "0";
    public static final String BUSY_CALLBACK_KEY = "1";

    private final Ivr ivr;
    private final MenuEntry defaultEntry;

    public IvrPolicy(Ivr ivr) {
        this.ivr = ivr;
        this.defaultEntry = ivr.menu().values().stream()
                .filter(e -> e.businessType() == ivr.defaultBusinessType())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("law12348.telephony.ivr.default-business-type "
                        + ivr.defaultBusinessType() + " has no menu key"));
    }

    /**
     * Interprets the digits GET DATA returned on the given attempt (1-based). Empty digits mean the
     * caller pressed nothing. After the last attempt an unusable answer picks the default service.
     */
    public MenuOutcome menuKey(String digits, int attempt) {
        String key = digits == null ? "" : digits.strip();
        MenuEntry entry = ivr.menu().get(key);
        if (entry != null) {
            return new Chosen(entry, false);
        }
        if (attempt >= ivr.menuAttempts()) {
            return new Chosen(defaultEntry, true);
        }
        if (key.isEmpty() || REPEAT_KEY.equals(key)) {
            return new Replay(null);
        }
        return new Replay("hotline-invalid-key");
    }

    /** Whether a keyed area code deserves another try, given how many were made. */
    public boolean mayRetryAreaCode(int attempt) {
        return attempt < ivr.menuAttempts();
    }

    /** What to do after the menu: outside hours a message, over the wait limit a choice, else the queue. */
    public Plan afterMenu(boolean open, int callersWaiting) {
        if (!open) {
            return new Plan(Next.MESSAGE, "hotline-after-hours");
        }
        if (callersWaiting >= ivr.queueWaitLimit()) {
            return new Plan(Next.CALLBACK, "hotline-busy");
        }
        return new Plan(Next.QUEUE, "hotline-queue-options");
    }

    /** The caller's answer to "9 for a callback, 0 for a message, anything else to wait". */
    public Next queueOption(String digits) {
        if (CALLBACK_KEY.equals(digits)) {
            return Next.CALLBACK;
        }
        return MESSAGE_KEY.equals(digits) ? Next.MESSAGE : Next.QUEUE;
    }

    /** The caller's answer when the queue is full: 1 books a callback, anything else leaves a message. */
    public Next busyOption(String digits) {
        return BUSY_CALLBACK_KEY.equals(digits) ? Next.CALLBACK : Next.MESSAGE;
    }

    /** A survey rating 1..5, or 0 when the key is none of them. */
    public static int rating(String digits) {
        return digits != null && digits.matches("[1-5]") ? Integer.parseInt(digits) : 0;
    }
}
