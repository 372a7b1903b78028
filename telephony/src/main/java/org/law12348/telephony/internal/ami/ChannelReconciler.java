package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.law12348.telephony.internal.calls.CallReconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * After every AMI login (at start and after each reconnect) asks the PBX for its live channels
 * (CoreShowChannels: one CoreShowChannel event per channel, then CoreShowChannelsComplete) and lets
 * {@link CallReconciliation} close the calls whose channel has gone while nobody was listening.
 */
public final class ChannelReconciler {

    private final AmiConnector ami;
    private final CallReconciliation reconciliation;
    private final Clock clock;

    public ChannelReconciler(AmiConnector ami, CallReconciliation reconciliation, Clock clock) {
        this.ami = ami;
        this.reconciliation = reconciliation;
        this.clock = clock;
        ami.afterEachLogin(this::reconcile);
    }

    /** Returns how many calls were closed. */
    public int reconcile() {
        Instant listedAt = clock.instant();
        ResponseEvents listing;
        try {
            listing = ami.sendListing(new CoreShowChannelsAction());
        } catch (IOException | org.asteriskjava.manager.EventTimeoutException e) {
            throw new UncheckedIOException(new IOException("CoreShowChannels failed: " + e.getMessage(), e));
        }
        // an incomplete list (refused action, lost events) would close live calls: only a complete one counts
        if (listing.getResponse() instanceof ManagerError refused) {
            throw new IllegalStateException("CoreShowChannels refused: " + refused.getMessage());
        }
        Set<String> live = new HashSet<>();
        boolean complete = false;
        for (ResponseEvent event : listing.getEvents()) {
            if (event instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null) {
                live.add(channel.getUniqueid());
            }
            complete |= event instanceof CoreShowChannelsCompleteEvent;
        }
        if (!complete) {
            throw new IllegalStateException("CoreShowChannels ended without CoreShowChannelsComplete");
        }
        return reconciliation.closeEnded(live, listedAt);
    }
}
