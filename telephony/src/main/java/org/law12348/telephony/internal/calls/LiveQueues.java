package org.law12348.telephony.internal.calls;

import java.time.Instant;
import java.util.List;

/**
 * The PBX's queues as they are right now (callers waiting, agents and their state), kept from AMI by
 * the AMI adapter; absent while AMI is not configured.
 */
public interface LiveQueues {

    /** One queue at one moment. */
    record LiveQueue(String queue, int waiting, long longestWaitSeconds, int agentsAvailable, int agentsOnCall,
                     int agentsPaused, int agentsOffline) {
    }

    /** Whether the Manager connection is up and the board has been filled from the PBX since the login. */
    boolean connected();

    /** Every queue known, by name, with waits measured up to {@code now}. */
    List<LiveQueue> at(Instant now);

    /** Runs {@code listener} (quickly, on the AMI event thread) after each change of the board. */
    void onChange(Runnable listener);
}
