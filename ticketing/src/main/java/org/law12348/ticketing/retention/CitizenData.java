package org.law12348.ticketing.retention;

import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.AnonymisationReason;
import org.law12348.ticketing.CitizenContact;
import org.law12348.ticketing.CitizenErased;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.PlatformAccounts;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.Tickets;
import org.law12348.ticketing.clocks.LegalClockService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A citizen's right to a copy of their data and to its erasure (PIPL arts. 45 and 47). A citizen is
 * known by one ticket (all tickets sharing its phone number, WeChat openid or Alipay user id) or by a
 * phone number. Staff export and erase the same tickets, found by one lookup, so an administrator
 * answering an access request hands over exactly what an erasure would erase. The citizen, holding
 * only a tracking token, exports just the tickets linked by platform-verified ids (openid, Alipay id):
 * a phone number typed into the web form proves nothing, and would otherwise let anyone export a
 * stranger's tickets.
 */
@Service
public class CitizenData {

    /** What an erasure did. */
    public record Erasure(List<String> ticketNumbers, int closed, int anonymised) {
    }

    private final Tickets tickets;
    private final TicketAnonymiser anonymiser;
    private final PersonalDataCipher cipher;
    private final List<PlatformAccounts> accounts;
    private final ApplicationEventPublisher events;
    private final LegalClockService legalClocks;
    private final Clock clock;

    CitizenData(Tickets tickets, TicketAnonymiser anonymiser, PersonalDataCipher cipher,
                List<PlatformAccounts> accounts, ApplicationEventPublisher events, LegalClockService legalClocks,
                Clock clock) {
        this.legalClocks = legalClocks;
        this.cipher = cipher;
        this.accounts = accounts;
        this.tickets = tickets;
        this.anonymiser = anonymiser;
        this.events = events;
        this.clock = clock;
    }

    /** Staff export: every ticket {@link #eraseByTicket} would erase. */
    @Transactional(readOnly = true)
    public CitizenDataExport exportByTicket(String number) {
        return export("ticket:" + number, reachedFrom(require(number)));
    }

    /** Staff export: every ticket {@link #eraseByPhone} would erase. */
    @Transactional(readOnly = true)
    public CitizenDataExport exportByPhone(PhoneNumber phone) {
        return export("phone:" + phone.masked(), reachedFrom(phone));
    }

    /** The citizen's own export, with the tracking token of {@code number} already checked. */
    @Transactional(readOnly = true)
    public CitizenDataExport exportForCitizen(String number) {
        return export("ticket:" + number, linkedTo(require(number), false));
    }

    /**
     * Erases the citizen behind {@code number}: open tickets are closed first, then all anonymised, then
     * {@link CitizenErased} tells the other modules whose data about this citizen goes too. The tickets
     * of channel accounts bound to one of the citizen's phone numbers go with them ({@link PlatformAccounts}).
     */
    @Transactional
    public Erasure eraseByTicket(String number, String reason, String actor) {
        return erase(reachedFrom(require(number)), null, reason, actor);
    }

    /**
     * Erases every ticket with this contact phone, every ticket sent from a channel account bound to the
     * number (also those sent before the binding), and whatever other modules keep under the number.
     */
    @Transactional
    public Erasure eraseByPhone(PhoneNumber phone, String reason, String actor) {
        return erase(reachedFrom(phone), phone, reason, actor);
    }

    /** The citizen behind a ticket: its linked tickets and those of channel accounts bound to their phones. */
    private List<Ticket> reachedFrom(Ticket ticket) {
        return withBoundAccounts(linkedTo(ticket, true), null);
    }

    /** The citizen behind a phone number: its tickets and those of channel accounts bound to the number. */
    private List<Ticket> reachedFrom(PhoneNumber phone) {
        return withBoundAccounts(ticketsOf(phone), phone);
    }

    private Erasure erase(List<Ticket> found, PhoneNumber phone, String reason, String actor) {
        // read before anonymising clears them
        CitizenErased erased = identitiesOf(found, phone);
        int closed = 0;
        int anonymised = 0;
        List<String> numbers = found.stream().map(Ticket::number).sorted().toList();
        for (String number : numbers) {
            Ticket ticket = tickets.findForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
            if (ticket.status().isOpen()) {
                ticket.close(actor, "应市民要求删除个人信息，工单办结：" + reason, clock.instant());
                closed++;
            }
            if (anonymiser.anonymise(number, AnonymisationReason.ERASURE_REQUEST, actor)) {
                anonymised++;
            }
        }
        events.publishEvent(erased);
        return new Erasure(numbers, closed, anonymised);
    }

    /**
     * Adds the tickets of every channel account bound to one of the citizen's phone numbers. Repeated until
     * nothing new turns up, because a ticket found that way may name another number whose account the
     * erasure deletes too ({@code CitizenErased} carries every phone): an account goes only with its tickets.
     * Oldest first, as an export lists them.
     */
    private List<Ticket> withBoundAccounts(List<Ticket> direct, PhoneNumber phone) {
        Map<String, Ticket> all = new LinkedHashMap<>();
        direct.forEach(t -> all.put(t.number(), t));
        Set<String> asked = new HashSet<>();
        Set<String> phones = accounts.isEmpty() ? Set.of() : phoneHashesOf(all.values(), phone);
        while (!phones.isEmpty()) {
            asked.addAll(phones);
            for (PlatformAccounts channel : accounts) {
                PlatformAccounts.Identities bound = channel.boundTo(phones);
                bound.wechatOpenIdHashes().forEach(hash -> tickets.findByWechatOpenIdHash(hash)
                        .forEach(t -> all.putIfAbsent(t.number(), t)));
                bound.alipayUserIdHashes().forEach(hash -> tickets.findByAlipayUserIdHash(hash)
                        .forEach(t -> all.putIfAbsent(t.number(), t)));
            }
            phones = phoneHashesOf(all.values(), phone);
            phones.removeAll(asked);
        }
        return oldestFirst(all.values());
    }

    private Set<String> phoneHashesOf(Iterable<Ticket> found, PhoneNumber phone) {
        Set<String> phones = new HashSet<>();
        if (phone != null) {
            phones.add(cipher.blindIndex(phone.value()));
        }
        for (Ticket ticket : found) {
            if (ticket.contact().phone() != null) {
                phones.add(cipher.blindIndex(ticket.contact().phone().value()));
            }
        }
        return phones;
    }

    private CitizenErased identitiesOf(List<Ticket> found, PhoneNumber phone) {
        Set<String> phones = phoneHashesOf(found, phone);
        Set<String> openIds = new HashSet<>();
        Set<String> alipayIds = new HashSet<>();
        for (Ticket ticket : found) {
            CitizenContact contact = ticket.contact();
            if (contact.wechatOpenId() != null) {
                openIds.add(cipher.blindIndex(contact.wechatOpenId()));
            }
            if (contact.alipayUserId() != null) {
                alipayIds.add(cipher.blindIndex(contact.alipayUserId()));
            }
        }
        return new CitizenErased(phones, openIds, alipayIds, found.stream().map(Ticket::number).sorted().toList());
    }

    private Ticket require(String number) {
        if (!TicketNumber.isWellFormed(number)) {
            throw new InvalidInputException("ticketNumber", "ticketNumber.malformed", "工单编号格式不正确");
        }
        return tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private List<Ticket> linkedTo(Ticket ticket, boolean byPhone) {
        Map<String, Ticket> linked = new LinkedHashMap<>();
        linked.put(ticket.number(), ticket);
        CitizenContact contact = ticket.contact();
        List<Ticket> candidates = new ArrayList<>();
        if (byPhone && contact.phone() != null) {
            candidates.addAll(ticketsOf(contact.phone()));
        }
        if (contact.wechatOpenId() != null) {
            candidates.addAll(tickets.findByWechatOpenIdHash(cipher.blindIndex(contact.wechatOpenId())));
        }
        if (contact.alipayUserId() != null) {
            candidates.addAll(tickets.findByAlipayUserIdHash(cipher.blindIndex(contact.alipayUserId())));
        }
        candidates.forEach(t -> linked.putIfAbsent(t.number(), t));
        return oldestFirst(linked.values());
    }

    private static List<Ticket> oldestFirst(Collection<Ticket> found) {
        return found.stream().sorted(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::number)).toList();
    }

    private List<Ticket> ticketsOf(PhoneNumber phone) {
        return tickets.findByContactPhoneHash(cipher.blindIndex(phone.value()));
    }

    private CitizenDataExport export(String scope, List<Ticket> found) {
        return new CitizenDataExport(clock.instant(), scope,
                found.stream().map(t -> CitizenDataExport.TicketData.of(t, legalClocks.forCitizen(t.number()))).toList());
    }
}
