package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.TelephonyProperties.MenuEntry;
import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.telephony.internal.calls.CallerHistory;
import org.law12348.telephony.internal.calls.HotlineDesk;
import org.law12348.telephony.internal.calls.HotlineDesk.Caller;
import org.law12348.telephony.internal.ivr.IvrPolicy.Chosen;
import org.law12348.telephony.internal.ivr.IvrPolicy.LookUp;
import org.law12348.telephony.internal.ivr.IvrPolicy.MenuOutcome;
import org.law12348.telephony.internal.ivr.IvrPolicy.Next;
import org.law12348.telephony.internal.ivr.IvrPolicy.Plan;
import org.law12348.telephony.internal.ivr.IvrPolicy.Replay;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.Optional;

/**
 * The {@code hotline} FastAGI script: greeting, region, business menu, then the queue, a callback or a
 * message — or, on the menu's look-up key, the legal clocks of a ticket of the caller's own
 * ({@link ClockLookup}). A singleton run by many pool threads at once, so every bit of call state is local.
 */
public final class HotlineScript implements AgiScript {

    private static final Logger log = LoggerFactory.getLogger(HotlineScript.class);
    /** The script argument the dialplan passes when a queue gave up on the caller. */
    public static final String OVERFLOW = "overflow";

    private final IvrPolicy policy;
    private final ServiceHours hours;
    private final RegionResolver regions;
    private final CallLog calls;
    private final CallerHistory history;
    private final HotlineDesk desk;
    private final TelephonyProperties properties;
    private final Clock clock;
    private final MessageStep messages;
    private final ClockLookup lookups;

    /** {@code ticketPrefix}: the province letters of this deployment's ticket numbers (GD). */
    public HotlineScript(IvrPolicy policy, ServiceHours hours, RegionResolver regions, CallLog calls,
                         CallerHistory history, HotlineDesk desk, TelephonyProperties properties, Clock clock,
                         String ticketPrefix) {
        this.policy = policy;
        this.hours = hours;
        this.regions = regions;
        this.calls = calls;
        this.history = history;
        this.desk = desk;
        this.properties = properties;
        this.clock = clock;
        this.messages = new MessageStep(desk, calls, properties, clock);
        this.lookups = new ClockLookup(policy, history, properties.ivr(), ticketPrefix);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String callId = request.getUniqueId();
        MDC.put("callId", callId);
        Optional<PhoneNumber> phone = regions.normalise(request.getCallerIdNumber());
        calls.record(callId, phone.map(PhoneNumber::value).orElse(null), clock.instant(), c -> { });
        Prompter prompter = new Prompter(channel, properties.ivr());
        try {
            String[] args = request.getArguments();
            if (args != null && args.length > 0 && OVERFLOW.equals(args[0])) {
                overflow(prompter, callId, phone.orElse(null));
                return;
            }
            channel.answer();
            prompter.play("hotline-greeting");
            Optional<RegionCode> known = phone.flatMap(p -> regions.fromCallerId(p.value()));
            RegionCode region = known.isPresent() ? known.get() : askAreaCode(prompter);
            MenuOutcome choice = menu(prompter);
            if (choice instanceof LookUp) {
                calls.update(callId, c -> {
                    c.identify(phone.map(PhoneNumber::value).orElse(null), region.value());
                    c.selfService();
                });
                lookups.run(prompter, callId, phone.orElse(null));
                return;
            }
            MenuEntry entry = ((Chosen) choice).entry();
            calls.update(callId, c -> {
                c.identify(phone.map(PhoneNumber::value).orElse(null), region.value());
                c.chose(entry.businessType(), entry.queue());
            });
            log.info("Caller {} from {} chose {}", phone.map(PhoneNumber::masked).orElse("(withheld)"), region,
                    entry.businessType());
            Caller caller = new Caller(callId, phone.orElse(null), region, entry.businessType());
            boolean open = hours.isOpen(clock.instant());
            route(prompter, caller, entry, policy.afterMenu(open, open ? waiting(prompter, entry.queue()) : 0));
        } catch (AgiHangupException hangup) {
            calls.ended(callId, clock.instant());
            log.info("Caller hung up in the IVR");
        } finally {
            if (prompter.hungUp()) {
                calls.ended(callId, clock.instant());
            }
            MDC.remove("callId");
        }
    }

    /**
     * The dialplan sends a caller back here ({@code hotline,overflow}) when Queue() gave up (its wait
     * limit passed): the choices already made are on the channel, so offer a callback or a message.
     */
    private void overflow(Prompter prompter, String callId, PhoneNumber phone)
            throws AgiException {
        String business = prompter.get("HOTLINE_BUSINESS");
        MenuEntry entry = properties.ivr().menu().values().stream()
                .filter(e -> e.businessType().name().equals(business)).findFirst()
                .orElseGet(() -> ((Chosen) policy.menuKey("", properties.ivr().menuAttempts())).entry());
        String regionVar = prompter.get("HOTLINE_REGION");
        RegionCode region = regionVar != null && regionVar.matches("[1-9]\\d{5}")
                ? new RegionCode(regionVar) : new RegionCode(properties.defaultRegion());
        log.info("Queue {} overflowed; offering a callback or a message", entry.queue());
        route(prompter, new Caller(callId, phone, region, entry.businessType()), entry,
                new Plan(Next.CALLBACK, "hotline-busy"));
    }

    private void route(Prompter prompter, Caller caller, MenuEntry entry, Plan plan)
            throws AgiException {
        Next next = switch (plan.next()) {
            case QUEUE -> policy.queueOption(prompter.ask(plan.prompt(), 1));
            case CALLBACK -> policy.busyOption(prompter.ask(plan.prompt(), 1));
            case MESSAGE -> {
                prompter.play(plan.prompt());
                yield Next.MESSAGE;
            }
        };
        if (next == Next.CALLBACK && caller.phone() == null) {
            next = Next.MESSAGE; // a withheld number cannot be called back
        }
        switch (next) {
            case QUEUE -> handToQueue(prompter, caller, entry);
            case CALLBACK -> TicketReadBack.readBack(prompter, "hotline-callback-booked",
                    desk.callbackBooked(caller, hours.nextOpening(clock.instant()).orElse(clock.instant())));
            case MESSAGE -> messages.take(prompter, caller);
        }
    }

    private void handToQueue(Prompter prompter, Caller caller, MenuEntry entry) throws AgiException {
        int openTickets = caller.phone() == null ? 0 : history.openTicketCount(caller.phone().value());
        prompter.set("HOTLINE_REGION", caller.region().value());
        prompter.set("HOTLINE_BUSINESS", entry.businessType().name());
        prompter.set("HOTLINE_OPEN_TICKETS", Integer.toString(openTickets));
        prompter.set("HOTLINE_QUEUE", entry.queue());
        prompter.set("HOTLINE_ACTION", "queue");
        calls.update(caller.callId(), c -> c.queued(entry.queue(), clock.instant()));
        log.info("Handing the call to queue {} ({} open tickets)", entry.queue(), openTickets);
    }

    private RegionCode askAreaCode(Prompter prompter) throws AgiException {
        for (int attempt = 1; ; attempt++) {
            Optional<RegionCode> region = regions.fromAreaCode(prompter.ask("hotline-enter-area-code", 4));
            if (region.isPresent()) {
                return region.get();
            }
            if (!policy.mayRetryAreaCode(attempt)) {
                return new RegionCode(properties.defaultRegion());
            }
            prompter.play("hotline-area-code-invalid");
        }
    }

    /** The caller's choice: a service ({@link Chosen}) or the look-up of legal clocks ({@link LookUp}). */
    private MenuOutcome menu(Prompter prompter) throws AgiException {
        for (int attempt = 1; ; attempt++) {
            MenuOutcome outcome = policy.menuKey(prompter.ask("hotline-menu", 1), attempt);
            if (!(outcome instanceof Replay)) {
                return outcome;
            }
            String prompt = ((Replay) outcome).prompt();
            if (prompt != null) {
                prompter.play(prompt);
            }
        }
    }

    private int waiting(Prompter prompter, String queue) throws AgiException {
        String count = prompter.get("QUEUE_WAITING_COUNT(" + queue + ")");
        return count != null && count.matches("\\d+") ? Integer.parseInt(count) : 0;
    }
}
