package org.law12348.ticketing;

/**
 * The stored form of a channel's submission id, for modules that name their own files or rows after
 * it. Needs nothing but the blind-index key, so it is usable during database migrations, before
 * {@link TicketIntake} and the repositories exist.
 */
public interface ChannelReferences {

    /** What {@code Ticket.channelRef()} holds for a submission of {@code channelRef} through {@code channel}. */
    String reference(Channel channel, String channelRef);
}
