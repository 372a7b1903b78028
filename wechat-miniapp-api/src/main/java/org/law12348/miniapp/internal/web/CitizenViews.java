package org.law12348.miniapp.internal.web;

import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TimelineEntry;
import org.law12348.ticketing.TimelineEventType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** The JSON a citizen sees of their tickets: never internal notes, delivery records or staff names. */
@Component
class CitizenViews {

    record Receipt(String number, String status, String statusName, String handlingUnitName, Instant dueAt) {
    }

    record Summary(String number, String status, String statusName, String kind, String kindName, String channel,
                   String businessType, String businessTypeName, String subject, Instant createdAt,
                   Instant firstAnsweredAt) {
    }

    record Entry(String type, String typeName, String actor, String text, Instant at) {
    }

    record Answer(String text, Instant at) {
    }

    record Detail(String number, String status, String statusName, String kind, String kindName, String channel,
                  String businessType, String businessTypeName, String regionCode, String regionName,
                  String subject, String text, String handlingUnitName, Instant createdAt, Instant dueAt,
                  Instant firstAnsweredAt, Instant closedAt, Integer satisfaction, boolean answerAccepted,
                  String mergedInto, List<Answer> answers, List<Entry> timeline) {
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    private final Regions regions;
    private final HandlingUnits units;

    CitizenViews(Regions regions, HandlingUnits units) {
        this.regions = regions;
        this.units = units;
    }

    Receipt receipt(IntakeResult r) {
        return new Receipt(r.ticketNumber(), r.status().name(), r.status().chineseName(), r.handlingUnitName(),
                r.dueAt());
    }

    Summary summary(Ticket t) {
        return new Summary(t.number(), t.status().name(), t.status().chineseName(), t.kind().name(),
                t.kind().chineseName(), t.channel().name(), t.businessType().name(), t.businessType().chineseName(),
                t.subject(), t.createdAt(), t.firstAnsweredAt());
    }

    Detail detail(Ticket t) {
        List<TimelineEntry> visible = t.timeline().stream().filter(TimelineEntry::visibleToCitizen).toList();
        List<Answer> answers = visible.stream().filter(e -> e.type() == TimelineEventType.ANSWERED)
                .map(e -> new Answer(e.text(), e.occurredAt())).toList();
        List<Entry> timeline = visible.stream()
                .map(e -> new Entry(e.type().name(), e.type().chineseName(), actor(e), e.text(), e.occurredAt()))
                .toList();
        String unitName = units.findById(t.handlingUnit()).map(HandlingUnit::name).orElse(t.handlingUnit());
        return new Detail(t.number(), t.status().name(), t.status().chineseName(), t.kind().name(),
                t.kind().chineseName(), t.channel().name(), t.businessType().name(), t.businessType().chineseName(),
                t.region().value(), regions.fullName(t.region()), t.subject(), t.text(), unitName, t.createdAt(),
                t.dueAt(), t.firstAnsweredAt(), t.closedAt(), t.satisfaction(), t.answerAccepted(), t.mergedInto(),
                answers, timeline);
    }

    private static String actor(TimelineEntry e) {
        if (Ticket.CITIZEN.equals(e.actor())) {
            return "市民";
        }
        return Ticket.SYSTEM.equals(e.actor()) ? "系统" : "工作人员";
    }
}
