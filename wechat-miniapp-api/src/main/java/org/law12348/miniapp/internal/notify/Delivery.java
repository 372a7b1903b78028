package org.law12348.miniapp.internal.notify;

/** How one attempt to send a notification went, and whether another attempt can help. */
public record Delivery(Outcome outcome, String detail) {

    /** What the sender does next. */
    public enum Outcome {
        SENT, RETRY, GIVE_UP, SKIPPED
    }

    public static Delivery sent() {
        return new Delivery(Outcome.SENT, null);
    }

    public static Delivery retry(String detail) {
        return new Delivery(Outcome.RETRY, detail);
    }

    /** Not sent, by design: no template configured, or the citizen did not allow it. */
    public static Delivery skip(String detail) {
        return new Delivery(Outcome.SKIPPED, detail);
    }

    public static Delivery giveUp(String detail) {
        return new Delivery(Outcome.GIVE_UP, detail);
    }
}
