package org.law12348.miniapp.internal.tickets;

import org.law12348.ticketing.UniqueViolation;
import org.law12348.miniapp.internal.citizen.MiniappCitizen;
import org.law12348.miniapp.internal.wechat.WechatClient;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenContact;
import org.law12348.ticketing.CitizenTicketActions;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.SubmissionConflictException;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketIntake;
import org.law12348.ticketing.TicketLookup;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketNumber;
import org.law12348.ticketing.retention.ErasureRequests;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a mini-program citizen does with tickets. Every ticket is looked up through the citizen's own
 * identities: one that is not theirs does not exist for them (404), whatever its number.
 */
@Service
public class MiniappTickets {

    /**
     * What the citizen submits; {@code text} is checked by WeChat's content security first.
     * {@code triggerDate}: the ask form's optional day their legal clock started (yyyy-MM-dd), or null.
     */
    public record Submission(String clientMessageId, String kind, String businessType, String regionCode,
                             String subject, String text, String triggerDate) {
    }

    private static final int ERASURE_PAGE = 200;

    private final TicketIntake intake;
    private final TicketLookup tickets;
    private final CitizenTicketActions actions;
    private final ClientMessages clientMessages;
    private final WechatClient wechat;
    private final TicketImages images;
    private final TransactionTemplate transactions;
    private final ErasureRequests erasureRequests;

    MiniappTickets(TicketIntake intake, TicketLookup tickets, CitizenTicketActions actions,
                   ClientMessages clientMessages, WechatClient wechat, TicketImages images,
                   TransactionTemplate transactions, ErasureRequests erasureRequests) {
        this.erasureRequests = erasureRequests;
        this.intake = intake;
        this.tickets = tickets;
        this.actions = actions;
        this.clientMessages = clientMessages;
        this.wechat = wechat;
        this.images = images;
        this.transactions = transactions;
    }

    /**
     * Takes a question or service request in; a retry with the same client message id and the same
     * content answers the same ticket, the same id with other content is refused (422).
     */
    public IntakeResult submit(MiniappCitizen citizen, Channel channel, Submission s, TicketImages.Batch upload) {
        String clientMessageId = ClientMessages.require(s.clientMessageId());
        String channelRef = "mp" + citizen.id() + ":" + clientMessageId;
        // images are kept under the submission's stored (hashed) reference, which the ticket names
        String reference = intake.referenceOf(channel, channelRef);
        String text = upload.isEmpty() || s.text() == null ? s.text() : s.text() + images.mention(reference, upload);
        PhoneNumber phone = citizen.phone();
        IntakeRequest request = (channel == Channel.WECHAT
                ? IntakeRequest.fromWeChat(channelRef, citizen.wechatOpenId(), s.businessType(), s.regionCode(), text)
                : IntakeRequest.fromAlipay(channelRef, citizen.alipayUserId(), s.businessType(), s.regionCode(), text))
                .withKind(s.kind()).withSubject(s.subject()).withPhone(phone == null ? null : phone.value())
                .withTriggerDate(s.triggerDate());
        try {
            Optional<IntakeResult> earlier = intake.replayOf(request);
            if (earlier.isPresent()) {
                // the first attempt may have failed between intake and storing its images
                keepImages(reference, upload);
                return earlier.get();
            }
            if (channel == Channel.WECHAT) {
                wechat.checkText(citizen.wechatOpenId(), "text", s.text());
                if (s.subject() != null && !s.subject().isBlank()) {
                    wechat.checkText(citizen.wechatOpenId(), "subject", s.subject());
                }
            }
            IntakeResult result = intake.receive(request);
            keepImages(reference, upload);
            return result;
        } catch (SubmissionConflictException reused) {
            throw new SubmissionConflictException("clientMessageId");
        }
    }

    private void keepImages(String reference, TicketImages.Batch upload) {
        if (!upload.isEmpty()) {
            images.keep(reference, upload);
        }
    }

    public Page<Ticket> list(MiniappCitizen citizen, int page, int size) {
        PhoneNumber phone = citizen.phone();
        return tickets.visibleTo(citizen.wechatOpenId(), citizen.alipayUserId(), phone, PageRequest.of(page, size));
    }

    /**
     * Asks for the personal data of every ticket the citizen sees to be erased, each as the web's
     * tracking-token request does ({@link ErasureRequests}: an administrator checks and erases; a ticket
     * with an open request answers that request). Joins the caller's transaction, if any.
     */
    public List<ErasureRequests.ErasureRequest> requestErasure(MiniappCitizen citizen, String detail) {
        List<String> numbers = new ArrayList<>();
        Page<Ticket> page = list(citizen, 0, ERASURE_PAGE);
        page.forEach(ticket -> numbers.add(ticket.number()));
        while (page.hasNext()) {
            page = list(citizen, page.getNumber() + 1, ERASURE_PAGE);
            page.forEach(ticket -> numbers.add(ticket.number()));
        }
        return numbers.stream().distinct().map(number -> erasureRequests.request(number, detail)).toList();
    }

    /** The citizen's ticket with its timeline, or 404. */
    public Ticket find(MiniappCitizen citizen, String number) {
        if (!TicketNumber.isWellFormed(number)) {
            throw new TicketNotFoundException(number);
        }
        return tickets.findWithTimeline(number).filter(t -> visibleTo(citizen, t))
                .orElseThrow(() -> new TicketNotFoundException(number));
    }

    public Ticket followUp(MiniappCitizen citizen, String number, String clientMessageId, String text) {
        return act(citizen, number, clientMessageId, "FOLLOW_UP", n -> actions.followUp(n, text));
    }

    public Ticket acceptAnswer(MiniappCitizen citizen, String number, String clientMessageId) {
        return act(citizen, number, clientMessageId, "ACCEPT_ANSWER", actions::acceptAnswer);
    }

    public Ticket rate(MiniappCitizen citizen, String number, String clientMessageId, Integer score, String comment) {
        return act(citizen, number, clientMessageId, "RATE", n -> actions.rate(n, score, comment));
    }

    private Ticket act(MiniappCitizen citizen, String number, String clientMessageId, String action,
                       Function<String, Ticket> change) {
        String id = ClientMessages.require(clientMessageId);
        find(citizen, number);
        try {
            transactions.executeWithoutResult(status -> {
                if (clientMessages.firstTime(citizen.id(), id, action, number)) {
                    change.apply(number);
                }
            });
        } catch (RuntimeException e) {
            if (!UniqueViolation.in(e)) {
                throw e;
            }
            // a concurrent retry of the same write committed first; it did the change
            transactions.executeWithoutResult(status -> clientMessages.firstTime(citizen.id(), id, action, number));
        }
        return find(citizen, number);
    }

    static boolean visibleTo(MiniappCitizen citizen, Ticket ticket) {
        CitizenContact contact = ticket.contact();
        PhoneNumber phone = citizen.phone();
        return citizen.wechatOpenId() != null && citizen.wechatOpenId().equals(contact.wechatOpenId())
                || citizen.alipayUserId() != null && citizen.alipayUserId().equals(contact.alipayUserId())
                || phone != null && contact.phone() != null && phone.value().equals(contact.phone().value());
    }
}
