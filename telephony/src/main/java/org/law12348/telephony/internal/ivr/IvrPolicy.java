package org.law12348.telephony.internal.ivr;

import org.law12348.telephony.TelephonyProperties.Ivr;
import org.law12348.telephony.TelephonyProperties.MenuEntry;
import org.law12348.ticketing.TicketNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The caller wants the legal clocks of a ticket of theirs read out. */
    public record LookUp() implements MenuOutcome {
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
    public static final String REPEAT_NUMBER_KEY = "1";
    /** How often a caller may hear the ticket number again after the first reading. */
    public static final int READ_BACK_REPEATS = 2;
    private static final Pattern RUNS = Pattern.compile("[A-Za-z]+|\\d+");
    /** The digits of a ticket number a caller keys: the date (8), then the serial (6 to 12; fewer are padded). */
    public static final int LOOKUP_MAX_DIGITS = 20;
    private static final Pattern KEYED_NUMBER = Pattern.compile("(\\d{8})(\\d{1,12})");

    private final Ivr ivr;
    private final MenuEntry defaultEntry;

    public IvrPolicy(Ivr ivr) {
        this.ivr = ivr;
        this.defaultEntry = ivr.menu().values().stream()
                .filter(e -> e.businessType() == ivr.defaultBusinessType())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("law12348.telephony.ivr.default-business-type "
                        + ivr.defaultBusinessType() + " has no menu key"));
        String lookupKey = ivr.clockLookupKey();
        if (ivr.offersClockLookup() && (!lookupKey.matches("[0-9]") || ivr.menu().containsKey(lookupKey))) {
            throw new IllegalStateException("law12348.telephony.ivr.clock-lookup-key must be a digit that is no key of "
                    + "law12348.telephony.ivr.menu, got \"" + lookupKey + "\"");
        }
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
        if (ivr.offersClockLookup() && ivr.clockLookupKey().equals(key)) {
            return new LookUp();
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

    /** Whether a failed look-up of a ticket deserves another try, given how many were made. */
    public boolean mayRetryLookup(int attempt) {
        return attempt < ivr.menuAttempts();
    }

    /**
     * The ticket number the caller keyed, its province letters being this deployment's {@code prefix}:
     * the 8 digits of the date, then the serial, its leading zeros optional
     * ({@code 20261130123} → {@code GD20261130-000123}). Empty when the digits cannot be a number.
     */
    public static Optional<String> lookupNumber(String digits, String prefix) {
        Matcher keyed = KEYED_NUMBER.matcher(digits == null ? "" : digits.strip());
        if (!keyed.matches()) {
            return Optional.empty();
        }
        String serial = "0".repeat(Math.max(0, 6 - keyed.group(2).length())) + keyed.group(2);
        String number = prefix + keyed.group(1) + "-" + serial;
        return TicketNumber.isWellFormed(number) ? Optional.of(number) : Optional.empty();
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

    /**
     * The prompts that read a ticket number back, in groups a listener can hold: the letters, then each
     * run of digits in fours when it divides by four (the date, 2026 1130) and in threes otherwise (the
     * serial, 000 123). {@code GD20261130-000123} → [g d] [2 0 2 6] [1 1 3 0] [0 0 0] [1 2 3].
     */
    public static List<List<String>> readBackGroups(String number) {
        List<List<String>> groups = new ArrayList<>();
        Matcher runs = RUNS.matcher(number);
        while (runs.find()) {
            String run = runs.group();
            if (Character.isLetter(run.charAt(0))) {
                groups.add(run.toLowerCase(Locale.ROOT).chars().mapToObj(c -> "letter-" + (char) c).toList());
                continue;
            }
            int size = run.length() % 4 == 0 ? 4 : 3;
            for (int from = 0; from < run.length(); from += size) {
                groups.add(run.substring(from, Math.min(run.length(), from + size)).chars()
                        .mapToObj(c -> "digit-" + (char) c).toList());
            }
        }
        return groups;
    }

    /** Whether the caller's key after a reading asks for the number again, given how often it was read. */
    public static boolean repeatNumber(String digits, int readings) {
        return REPEAT_NUMBER_KEY.equals(digits) && readings <= READ_BACK_REPEATS;
    }

    /** A survey rating 1..5, or 0 when the key is none of them. */
    public static int rating(String digits) {
        return digits != null && digits.matches("[1-5]") ? Integer.parseInt(digits) : 0;
    }
}
