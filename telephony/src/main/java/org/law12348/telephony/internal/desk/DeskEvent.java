package org.law12348.telephony.internal.desk;

/** What happened at a desk, published for the desk pages (Spring application events). */
public sealed interface DeskEvent {

    String username();

    /** The state changed (chosen, or through a call). */
    record StateChanged(String username) implements DeskEvent {
    }

    /** The queue connected a call to the desk: the screen pop. */
    record CallConnected(String username, String callId) implements DeskEvent {
    }

    /** The queue call ended (AgentComplete). */
    record CallEnded(String username, String callId) implements DeskEvent {
    }
}
