package org.law12348.workflow;

/** Ids of the deployed models and the names of their messages and variables. */
public final class ProcessKeys {

    public static final String ROUTING_DECISION = "ticket-routing";
    /** The routing table's second decision: where a question the volunteer pool left unanswered goes. */
    public static final String HANDOVER_DECISION = "outsourced-handover";
    public static final String CLOCK_TYPES_DECISION = "legal-clock-types";
    public static final String SERVICE_REQUEST = "service-request";
    public static final String CONSULTATION = "consultation";

    public static final String MESSAGE_ACCEPTED = "TicketAccepted";
    public static final String MESSAGE_ANSWERED = "TicketAnswered";
    public static final String MESSAGE_REASSIGNED = "TicketReassigned";
    public static final String MESSAGE_CLOSED = "TicketClosed";
    public static final String MESSAGE_FOLLOWED_UP = "TicketFollowedUp";

    public static final String VAR_DUE_AT = "dueAt";
    public static final String VAR_ANSWER_WINDOW = "answerWindow";
    public static final String VAR_AUTO_CLOSE_AFTER = "autoCloseAfter";
    public static final String VAR_HANDED_OVER = "handedOver";

    private ProcessKeys() {
    }
}
