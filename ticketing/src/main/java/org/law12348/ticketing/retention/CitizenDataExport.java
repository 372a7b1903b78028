package org.law12348.ticketing.retention;

import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TimelineEntry;
import org.law12348.ticketing.clocks.ClockReading;
import org.law12348.ticketing.clocks.LegalClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the product keeps about a citizen's tickets, as handed over on request (JSON). */
public record CitizenDataExport(Instant generatedAt, String scope, List<TicketData> tickets) {

    /** The contact as stored on the ticket: every personal value it holds, the identity number included. */
    public record Contact(String name, String phone, String idNumber, String wechatOpenId, String alipayUserId) {
    }

    /** One entry of the ticket's history the citizen can see (internal staff notes are not personal data of theirs). */
    public record Entry(String type, String typeName, String text, Instant occurredAt) {
    }

    /**
     * A legal clock of the ticket: which period, the day it runs from (a date of the citizen's life),
     * the last day as computed, and the interruptions and suspensions recorded.
     */
    public record LegalClockData(String type, String name, LocalDate startsFrom, LocalDate lastDay,
                                 List<ClockEventData> events) {

        static LegalClockData of(ClockReading reading) {
            LegalClock clock = reading.clock();
            LocalDate lastDay = reading.deadline() == null ? clock.storedDueDate() : reading.deadline().dueDate();
            return new LegalClockData(clock.type(), reading.name(), clock.triggerDate(), lastDay,
                    clock.events().stream().map(e -> new ClockEventData(e.kind().name(), e.kind().chinese(), e.date()))
                            .toList());
        }
    }

    /** An event of a legal clock. */
    public record ClockEventData(String kind, String kindName, LocalDate date) {
    }

    /**
     * One ticket with its personal data. {@code citizenTriggerDate}: the day the citizen gave in the ask
     * form as their legal clock's start ("您是哪天被辞退的？"), or null.
     */
    public record TicketData(String number, String channel, String kind, String businessType, String regionCode,
                             String subject, String text, Contact contact, String status, String handlingUnit,
                             Instant createdAt, Instant closedAt, Instant anonymisedAt, Integer satisfaction,
                             String satisfactionComment, List<Entry> timeline, List<LegalClockData> legalClocks,
                             LocalDate citizenTriggerDate) {

        static TicketData of(Ticket t, List<ClockReading> clocks) {
            var c = t.contact();
            return new TicketData(t.number(), t.channel().name(), t.kind().name(), t.businessType().name(),
                    t.region().value(), t.subject(), t.text(),
                    new Contact(c.name(), c.phone() == null ? null : c.phone().value(),
                            c.idNumber() == null ? null : c.idNumber().value(), c.wechatOpenId(), c.alipayUserId()),
                    t.status().name(), t.handlingUnit(), t.createdAt(), t.closedAt(), t.anonymisedAt(),
                    t.satisfaction(), t.satisfactionComment(),
                    t.timeline().stream().filter(TimelineEntry::visibleToCitizen)
                            .map(e -> new Entry(e.type().name(), e.type().chineseName(), e.text(), e.occurredAt()))
                            .toList(),
                    clocks.stream().map(LegalClockData::of).toList(), t.citizenTriggerDate());
        }
    }
}
