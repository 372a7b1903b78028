package org.law12348.telephony.internal.desk;

import java.util.List;

/**
 * The PBX side of a desk: makes the PBX's queue membership match the desk's state. Implemented over
 * AMI; without AMI there is no implementation and states are only stored.
 */
public interface QueueMembers {

    boolean connected();

    /**
     * Brings the PBX in line with the desk (QueueAdd / QueuePause / QueueRemove). Throws
     * {@link PbxUnavailableException} when the PBX cannot be reached or refuses; the stored state stays
     * and is applied after the next login.
     */
    void apply(AgentDesk desk);

    /**
     * Takes interfaces out of queues (QueueRemove), whatever the desk's state: memberships an
     * administrator took away, or a whole desk cleared. A membership the PBX does not have counts as
     * removed. Throws {@link PbxUnavailableException} as {@link #apply} does.
     */
    void withdraw(List<AgentDesk.Membership> memberships);

    /** The PBX could not be told. */
    final class PbxUnavailableException extends RuntimeException {
        public PbxUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
