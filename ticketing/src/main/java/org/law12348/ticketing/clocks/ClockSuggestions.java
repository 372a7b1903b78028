package org.law12348.ticketing.clocks;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.Tickets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Clocks a ticket suggests: the clock-type table says which business types, legal categories and words
 * suggest each type ({@link ClockRule#suggestedFor()}); the trigger date comes from the question's text
 * ({@link TriggerDates}, against the day the ticket came in, in China), or from the citizen: the ask form
 * asks the question of the first clock the draft suggests that has one ({@link #questionFor}), and the
 * day answered ({@link Ticket#citizenTriggerDate()}) is that clock's proposed trigger date, source
 * {@value #FROM_CITIZEN}. Types the ticket already has and types staff dismissed on it are not suggested.
 * Confirming is adding the clock as any other.
 */
@Service
public class ClockSuggestions {

    /** The trigger source of a date the citizen gave in the ask form. */
    public static final String FROM_CITIZEN = "市民填写";

    /**
     * What the ask form asks the citizen about a draft: the clock it would suggest and the plain question
     * whose answer is its trigger date, with the days a date may be (up to today in China, not older than
     * {@link LegalClockService#OLDEST_TRIGGER_YEARS} years, as intake checks).
     */
    public record ClockQuestion(ClockRule rule, String question, LocalDate earliest, LocalDate latest) {
    }

    private final Tickets tickets;
    private final LegalClocks clocks;
    private final ClockRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    ClockSuggestions(Tickets tickets, LegalClocks clocks, ClockRules rules, AuditTrail audit, Clock clock) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ClockSuggestion> forStaff(String number, StaffMember staff) {
        Ticket ticket = tickets.findByNumber(number).filter(staff::canSee).orElseThrow(() -> new TicketNotFoundException(number));
        Set<String> present = clocks.typesNotToSuggest(ticket.id());
        LocalDate created = LocalDate.ofInstant(ticket.createdAt(), ClockZone.CHINA);
        List<TriggerDates.Found> dates = TriggerDates.in(ticket.text(), created);
        LegalCategory category = LegalCategory.guess(ticket.text());
        List<ClockRule> table = rules.all();
        // the clock the ask form asked the citizen about: the same rule on the same question
        String asked = ticket.citizenTriggerDate() == null ? null
                : asked(table, ticket.businessType(), ticket.text(), category).map(ClockRule::type).orElse(null);
        List<ClockSuggestion> suggestions = new ArrayList<>();
        for (ClockRule rule : table) {
            if (present.contains(rule.type())) {
                continue;
            }
            reason(rule, ticket.businessType(), ticket.text(), category).ifPresent(reason -> suggestions.add(
                    rule.type().equals(asked)
                    ? new ClockSuggestion(rule, reason, ticket.citizenTriggerDate(), FROM_CITIZEN, dates)
                    : reason.startsWith("业务类型")
                    // the centre's own duty runs from receipt of the application: the day the ticket came in
                    ? new ClockSuggestion(rule, reason, created, "申请提交日（工单创建日）", dates)
                    : withTextDate(rule, reason, dates)));
        }
        return suggestions;
    }

    /**
     * The question the ask form shows for a draft (business type and text as typed so far), or empty when
     * no clock the draft suggests asks the citizen anything. Reads no ticket: any caller may ask.
     *
     * @throws InvalidInputException {@code businessType} not one of {@link BusinessType}'s names
     */
    public Optional<ClockQuestion> questionFor(String businessType, String text) {
        BusinessType business = null;
        if (businessType != null && !businessType.isBlank()) {
            try {
                business = BusinessType.valueOf(businessType.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("businessType", "businessType.unknown", "不支持的业务类型");
            }
        }
        String question = text == null ? "" : text;
        LocalDate today = LocalDate.now(clock.withZone(ClockZone.CHINA));
        return asked(rules.all(), business, question, LegalCategory.guess(question)).map(rule -> new ClockQuestion(rule,
                rule.citizenQuestion(), today.minusYears(LegalClockService.OLDEST_TRIGGER_YEARS), today));
    }

    /** The first clock of the table the question suggests that asks the citizen for its trigger date. */
    private static Optional<ClockRule> asked(List<ClockRule> table, BusinessType business, String text,
                                             LegalCategory category) {
        return table.stream().filter(rule -> rule.citizenQuestion() != null)
                .filter(rule -> reason(rule, business, text, category).isPresent())
                .findFirst();
    }

    /** Staff judged the suggestion wrong for this ticket: it is not made there again. */
    @Transactional
    public void dismiss(String number, String type, StaffMember staff) {
        if (!staff.hasRole(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("你的角色不能修改法律期限");
        }
        Ticket ticket = tickets.findByNumber(number).filter(staff::canSee).orElseThrow(() -> new TicketNotFoundException(number));
        ClockRule rule = rules.find(type == null ? "" : type.strip()).orElseThrow(() ->
                new InvalidInputException("type", "type.unknown", "不支持的期限类型"));
        clocks.dismissSuggestion(ticket.id(), rule.type(), staff.username(), clock.instant());
        audit.change(staff, AuditAction.LEGAL_CLOCK_CHANGED, AuditSubject.ticket(number), "不采用建议的" + rule.name());
    }

    private static ClockSuggestion withTextDate(ClockRule rule, String reason, List<TriggerDates.Found> dates) {
        // the latest day the citizen wrote (the dismissal after the hiring); a day before a mere month
        Optional<TriggerDates.Found> best = dates.stream()
                .max(Comparator.comparing((TriggerDates.Found f) -> f.precision() == TriggerDates.Precision.DAY)
                        .thenComparing(TriggerDates.Found::date));
        return new ClockSuggestion(rule, reason, best.map(TriggerDates.Found::date).orElse(null),
                best.map(f -> "问题中写的“" + f.phrase() + "”").orElse(null), dates);
    }

    private static Optional<String> reason(ClockRule rule, BusinessType business, String text, LegalCategory category) {
        for (String when : rule.suggestedFor()) {
            String value = when.substring(when.indexOf(':') + 1);
            if (when.startsWith("business:") && business != null && business.name().equals(value)) {
                return Optional.of("业务类型：" + business.chineseName());
            }
            if (when.startsWith("category:") && category.name().equals(value)) {
                return Optional.of("问题类别：" + category.chineseName());
            }
            if (when.startsWith("word:") && text != null && text.contains(value)) {
                return Optional.of("问题中提到“" + value + "”");
            }
        }
        return Optional.empty();
    }
}
