package org.law12348.ticketing;

/**
 * The reply port: how a channel tells a citizen that their ticket changed. Ticketing owns it; each
 * channel that can reach citizens on its own (WeChat subscribe messages, Alipay template messages …)
 * implements it. The web channel needs none: the tracking page shows the answer.
 *
 * <p>{@link #enqueue} is called inside the transaction that delivers the ticket event, so it must only
 * record the notice (e.g. in the channel's own table) and return; sending, retrying with backoff and
 * recording the outcome with {@link CitizenNotifications#recordDelivery} happen later, outside it, and a
 * failed send never undoes the answer.
 */
public interface CitizenNotifier {

    /** Whether this notifier reaches citizens of that channel. */
    boolean handles(Channel channel);

    void enqueue(CitizenNotice notice);
}
