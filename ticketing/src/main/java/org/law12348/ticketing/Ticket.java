package org.law12348.ticketing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.personaldata.privacy.BlindIndexListener;
import org.law12348.personaldata.privacy.BlindIndexed;
import org.law12348.personaldata.privacy.PersonalDataCipher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one ticket every channel produces. Its verbs guard the lifecycle and append to the timeline;
 * each change also records a {@link TicketEvent} that the owning service hands to the outbox.
 */
@Entity
@Table(name = "ticket")
@EntityListeners(BlindIndexListener.class)
public class Ticket implements BlindIndexed {

    public static final String SYSTEM = AuditTrail.SYSTEM_ACTOR;
    public static final String CITIZEN = AuditTrail.CITIZEN_ACTOR;

    /** Assigned by intake before the insert, since the number is made from it. */
    @Id
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 24)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private TicketKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    /** The keyed hash of the channel's submission id ({@code TicketIntake.referenceOf}), never the id itself. */
    @Column(name = "channel_ref", nullable = false, length = 128)
    private String channelRef;

    @Embedded
    private CitizenContact contact;

    @Column(name = "region_code", nullable = false, length = 6)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_type", nullable = false, length = 32)
    private BusinessType businessType;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(nullable = false, length = 8000)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TicketStatus status;

    @Column(name = "handling_unit", nullable = false, length = 64)
    private String handlingUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "routing_queue", nullable = false, length = 16)
    private RoutingQueue queue;

    @Column(name = "route_rule", length = 64)
    private String routeRule;

    @Column(length = 64)
    private String assignee;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    /** The nearest legal deadline still ahead, a sort key kept by {@code LegalClocks}; never written here. */
    @Column(name = "legal_deadline", insertable = false, updatable = false)
    private java.time.LocalDate legalDeadline;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "first_answered_at")
    private Instant firstAnsweredAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(nullable = false)
    private boolean escalated;

    @Column(name = "handed_over", nullable = false)
    private boolean handedOver;

    private Integer satisfaction;

    @Column(name = "satisfaction_comment", length = 500)
    private String satisfactionComment;

    @Column(name = "answer_accepted", nullable = false)
    private boolean answerAccepted;

    /** Set when this ticket was a duplicate merged into another: the number of the one kept. */
    @Column(name = "merged_into", length = 24)
    private String mergedInto;

    /**
     * The citizen app's record of the privacy-notice consent the citizen submitted under (web: the
     * {@code X-Consent-Id} the intake checked); null for channels and clients that send none. Never shown
     * to staff: on the web the id is what lets its holder withdraw the consent.
     */
    @Column(name = "consent_id", length = 36)
    private String consentId;

    /**
     * The day the citizen said, when asking, that their legal clock started (the ask form's optional
     * date, e.g. the day of the dismissal); staff see it as a clock suggestion and confirm it. Personal
     * data: cleared on anonymisation.
     */
    @Column(name = "citizen_trigger_date")
    private LocalDate citizenTriggerDate;

    /** When the citizen's personal data was removed (retention period over, or erasure on request). */
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    @Transient
    private final List<TicketEvent> events = new ArrayList<>();

    protected Ticket() {
    }

    /** A new ticket as intake creates it: numbered, routed, and both on the timeline. */
    public Ticket(long id, TicketNumber ticketNumber, TicketKind kind, Channel channel, String channelRef, CitizenContact contact, RegionCode region,
                  BusinessType businessType, String subject, String text, RouteDecision route, String routeText,
                  Instant now) {
        this.id = id;
        this.number = ticketNumber.value();
        this.kind = kind;
        this.channel = channel;
        this.channelRef = channelRef;
        this.contact = contact;
        this.regionCode = region.value();
        this.businessType = businessType;
        this.subject = subject;
        this.text = text;
        this.createdAt = now;
        this.status = TicketStatus.ROUTED;
        applyRoute(route, now);
        append(TimelineEventType.CREATED, SYSTEM, "通过" + channel.chineseName() + "提交", now);
        append(TimelineEventType.ROUTED, SYSTEM, routeText, now);
        events.add(new TicketEvent.TicketCreated(number, kind, channel, queue, handlingUnit, regionCode,
                businessType, dueAt));
    }

    public void accept(String actor, Instant now) {
        requireStatus("受理", TicketStatus.ROUTED);
        status = TicketStatus.IN_PROGRESS;
        assignee = actor;
        append(TimelineEventType.ACCEPTED, actor, null, now);
        events.add(new TicketEvent.TicketAccepted(number));
    }

    /** A certified consultant takes a question from the volunteer pool; nobody else can answer it now. */
    public void claimBy(String consultant, Instant now) {
        if (queue != RoutingQueue.VOLUNTEER_POOL) {
            throw new TicketStateException(number, status, "从咨询池认领");
        }
        requireStatus("认领", TicketStatus.ROUTED);
        status = TicketStatus.IN_PROGRESS;
        assignee = consultant;
        claimedAt = now;
        append(TimelineEventType.CLAIMED, consultant, null, now);
    }

    /** The claim ends without an answer (released by the consultant, or timed out): back to the pool. */
    public void releaseClaim(String actor, String reason, Instant now) {
        if (queue != RoutingQueue.VOLUNTEER_POOL || status != TicketStatus.IN_PROGRESS || firstAnsweredAt != null) {
            throw new TicketStateException(number, status, "退回咨询池");
        }
        status = TicketStatus.ROUTED;
        assignee = null;
        claimedAt = null;
        append(TimelineEventType.RELEASED, actor, reason, now);
    }

    /** Sends an answer to the citizen; a ticket nobody accepted yet is accepted by the one answering. */
    public void answer(String actor, String answerText, Instant now) {
        requireStatus("答复", TicketStatus.ROUTED, TicketStatus.IN_PROGRESS, TicketStatus.ANSWERED);
        if (status == TicketStatus.ROUTED) {
            accept(actor, now);
        }
        status = TicketStatus.ANSWERED;
        if (firstAnsweredAt == null) {
            firstAnsweredAt = now;
        }
        append(TimelineEventType.ANSWERED, actor, answerText, now);
        events.add(new TicketEvent.TicketAnswered(number));
    }

    /** Sends the ticket to another unit with a fresh route; whoever had it no longer does. */
    public void reassignTo(RouteDecision route, String reason, String actor, Instant now) {
        requireStatus("转派", TicketStatus.ROUTED, TicketStatus.IN_PROGRESS);
        if (route.handlingUnit().equals(handlingUnit)) {
            throw new SameUnitException(number, status, handlingUnit);
        }
        applyRoute(route, now);
        status = TicketStatus.ROUTED;
        assignee = null;
        append(TimelineEventType.REASSIGNED, actor, reason, now);
        events.add(new TicketEvent.TicketReassigned(number, queue, handlingUnit, dueAt));
    }

    /** The volunteer pool did not answer in time: the outsourced unit of the region takes over. */
    public void handOverTo(RouteDecision outsourced, String reason, Instant now) {
        requireStatus("转外包单位", TicketStatus.ROUTED, TicketStatus.IN_PROGRESS);
        applyRoute(outsourced, now);
        status = TicketStatus.ROUTED;
        assignee = null;
        handedOver = true;
        claimedAt = null;
        append(TimelineEventType.HANDED_OVER, SYSTEM, reason, now);
        events.add(new TicketEvent.TicketHandedOver(number, handlingUnit, dueAt));
    }

    /** The deadline passed without an answer: dispatchers must step in. */
    public void escalate(String reason, Instant now) {
        requireStatus("督办", TicketStatus.ROUTED, TicketStatus.IN_PROGRESS);
        escalated = true;
        append(TimelineEventType.ESCALATED, SYSTEM, reason, now);
        events.add(new TicketEvent.TicketEscalated(number, handlingUnit, dueAt));
    }

    /**
     * A dispatcher corrected the region or business type: the ticket takes the route the rules give
     * the corrected facts, waiting for the new unit again.
     */
    public void reroute(RegionCode newRegion, BusinessType newType, RouteDecision route, String text, String actor,
                        Instant now) {
        requireStatus("重新分派", TicketStatus.ROUTED, TicketStatus.IN_PROGRESS);
        if (newRegion.value().equals(regionCode) && newType == businessType) {
            throw new InvalidInputException("regionCode", "reroute.unchanged", "地区和业务类型都没有改变，无需重新分派");
        }
        this.regionCode = newRegion.value();
        this.businessType = newType;
        applyRoute(route, now);
        status = TicketStatus.ROUTED;
        assignee = null;
        append(TimelineEventType.REROUTED, actor, text, now);
        events.add(new TicketEvent.TicketReassigned(number, queue, handlingUnit, dueAt));
    }

    /**
     * This ticket duplicates {@code target}: its question is copied onto the target's timeline and it
     * closes pointing there, so the citizen keeps one thread and nothing is lost.
     */
    public void mergeInto(Ticket target, String reason, String actor, Instant now) {
        if (target.number.equals(number)) {
            throw new InvalidInputException("target", "merge.self", "不能把工单合并到它自己");
        }
        if (!target.status.isOpen()) {
            throw new TicketStateException(target.number, target.status, "合并到");
        }
        requireStatus("合并", TicketStatus.ROUTED, TicketStatus.IN_PROGRESS, TicketStatus.ANSWERED);
        target.append(TimelineEventType.MERGED_FROM, actor, "合并重复工单" + number + "（" + reason + "）：【" + subject
                + "】" + text, now);
        mergedInto = target.number;
        append(TimelineEventType.MERGED, actor, "作为重复工单合并至" + target.number + "：" + reason, now);
        close(actor, "已合并至工单" + target.number, now);
    }

    /**
     * Names the staff member who works an open unit ticket, or nobody ({@code null}). Pool questions
     * are claimed by consultants instead, so their assignee is never set by hand.
     */
    public void assignTo(String person, String description, String actor, Instant now) {
        requireStatus("指派", TicketStatus.ROUTED, TicketStatus.IN_PROGRESS, TicketStatus.ANSWERED);
        if (queue == RoutingQueue.VOLUNTEER_POOL) {
            throw new TicketStateException(number, status, "指派咨询池问题");
        }
        assignee = person;
        append(TimelineEventType.ASSIGNED, actor, description, now);
    }

    public void addNote(String actor, String note, Instant now) {
        append(TimelineEventType.NOTE, actor, note, now);
    }

    public void close(String actor, String reason, Instant now) {
        requireStatus("办结", TicketStatus.ROUTED, TicketStatus.IN_PROGRESS, TicketStatus.ANSWERED);
        status = TicketStatus.CLOSED;
        closedAt = now;
        append(TimelineEventType.CLOSED, actor, reason, now);
        events.add(new TicketEvent.TicketClosed(number));
    }

    /** The citizen asks more on an answered ticket: it goes back to whoever answered, waiting again. */
    public void followUp(String question, Instant now) {
        requireStatus("追问", TicketStatus.ANSWERED);
        status = assignee == null ? TicketStatus.ROUTED : TicketStatus.IN_PROGRESS;
        answerAccepted = false;
        append(TimelineEventType.FOLLOW_UP, CITIZEN, question, now);
        events.add(new TicketEvent.TicketFollowedUp(number));
    }

    /** The citizen says the answer solved the problem: the ticket is done. */
    public void acceptAnswer(Instant now) {
        requireStatus("确认解决", TicketStatus.ANSWERED);
        answerAccepted = true;
        append(TimelineEventType.ANSWER_ACCEPTED, CITIZEN, null, now);
        close(CITIZEN, "市民确认问题已解决", now);
    }

    /** The citizen rates the answer, 1 to 5, once it has one, and only once. */
    public void rate(int score, String comment, Instant now) {
        if (firstAnsweredAt == null) {
            throw new TicketStateException(number, status, "评价尚未答复的工单");
        }
        if (score < 1 || score > 5) {
            throw new InvalidInputException("score", "score.outOfRange", "评分应为1到5分");
        }
        if (satisfaction != null) {
            throw new RatingAlreadyGivenException(number, status);
        }
        satisfaction = score;
        satisfactionComment = comment;
        append(TimelineEventType.RATED, CITIZEN, score + "分" + (comment == null ? "" : "：" + comment), now);
        events.add(new TicketEvent.TicketRated(number, score));
    }

    /** Records how a notification to the citizen went (staff only). */
    public void recordNotification(String text, Instant now) {
        append(TimelineEventType.NOTIFIED, SYSTEM, text, now);
    }

    /**
     * Removes the citizen's personal data from a closed ticket: contact, subject, question text and
     * rating comment. What statistics need stays (region, business type, channel, unit, dates,
     * score). The timeline's texts are immutable entries and are cleared by the anonymiser in SQL.
     * Idempotent: a ticket anonymised already keeps its first date and records nothing new.
     *
     * @return false when the ticket had been anonymised before
     */
    public boolean anonymise(AnonymisationReason reason, Instant now) {
        requireStatus("匿名化", TicketStatus.CLOSED);
        if (anonymisedAt != null) {
            return false;
        }
        contact = CitizenContact.anonymised();
        subject = reason.marker();
        text = reason.marker();
        satisfactionComment = null;
        citizenTriggerDate = null;
        anonymisedAt = now;
        return true;
    }

    /**
     * Hands over the events recorded since the last call. Services do not call this: before a
     * transaction commits, {@code TicketEventRecorder} drains every ticket it holds into the outbox.
     */
    public List<TicketEvent> drainEvents() {
        List<TicketEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    public boolean isOverdue(Instant now) {
        return status.isOpen() && firstAnsweredAt == null && now.isAfter(dueAt);
    }

    /**
     * When the volunteer pool's answer window ends and the outsourced unit takes the question over,
     * or null when no hand-over is ahead (not in the pool, answered, closed, or already handed over).
     * The same conditions as {@link TicketDeadlines#handOverToOutsourcedUnit}.
     */
    public Instant handOverAt(Duration answerWindow) {
        boolean waiting = status == TicketStatus.ROUTED || status == TicketStatus.IN_PROGRESS;
        return waiting && queue == RoutingQueue.VOLUNTEER_POOL && !handedOver ? createdAt.plus(answerWindow) : null;
    }

    private void applyRoute(RouteDecision route, Instant now) {
        this.handlingUnit = route.handlingUnit();
        this.queue = route.queue();
        this.routeRule = route.ruleId();
        this.dueAt = now.plus(Duration.ofHours(route.deadlineHours()));
    }

    private void append(TimelineEventType type, String actor, String entryText, Instant now) {
        timeline.add(new TimelineEntry(this, type, actor, entryText, now));
    }

    private void requireStatus(String action, TicketStatus... allowed) {
        for (TicketStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new TicketStateException(number, status, action);
    }

    public Long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public TicketKind kind() {
        return kind;
    }

    public Channel channel() {
        return channel;
    }

    /** The keyed hash of the channel's submission id: names the submission without revealing its key. */
    public String channelRef() {
        return channelRef;
    }

    /** The privacy-notice consent the citizen submitted under, when the channel checked one; else null. */
    public String consentId() {
        return consentId;
    }

    /** Records the consent the intake checked; set once, before the ticket is stored. */
    void submittedUnder(String checkedConsentId) {
        this.consentId = checkedConsentId;
    }

    /** The trigger date the citizen gave with the question (validated by intake), or null. */
    public LocalDate citizenTriggerDate() {
        return citizenTriggerDate;
    }

    /** Records the citizen's trigger date; set once, before the ticket is stored. */
    void citizenGaveTriggerDate(LocalDate day) {
        this.citizenTriggerDate = day;
    }

    @Override
    public void refreshBlindIndexes(PersonalDataCipher cipher) {
        if (contact != null) {
            contact.refreshBlindIndexes(cipher);
        }
    }

    public CitizenContact contact() {
        return contact == null ? CitizenContact.none() : contact;
    }

    public RegionCode region() {
        return new RegionCode(regionCode);
    }

    public BusinessType businessType() {
        return businessType;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public TicketStatus status() {
        return status;
    }

    public String handlingUnit() {
        return handlingUnit;
    }

    public RoutingQueue queue() {
        return queue;
    }

    public String routeRule() {
        return routeRule;
    }

    public String assignee() {
        return assignee;
    }

    /** The queue's sort key: the nearest legal deadline still ahead when it was last kept, or null. */
    public java.time.LocalDate legalDeadline() {
        return legalDeadline;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant firstAnsweredAt() {
        return firstAnsweredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean escalated() {
        return escalated;
    }

    public boolean handedOver() {
        return handedOver;
    }

    public Integer satisfaction() {
        return satisfaction;
    }

    public String satisfactionComment() {
        return satisfactionComment;
    }

    public boolean answerAccepted() {
        return answerAccepted;
    }

    /** The ticket this duplicate was merged into, or null. */
    public String mergedInto() {
        return mergedInto;
    }

    /** When the personal data was removed, or null while it is kept. */
    public Instant anonymisedAt() {
        return anonymisedAt;
    }

    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }
}
