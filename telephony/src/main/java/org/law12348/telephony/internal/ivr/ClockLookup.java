package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiException;
import org.law12348.telephony.TelephonyProperties.Ivr;
import org.law12348.telephony.internal.calls.CallerHistory;
import org.law12348.telephony.internal.calls.CallerHistory.OwnTicket;
import org.law12348.ticketing.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The self-service step of the {@code hotline} script: the caller keys the digits of a ticket number
 * (ended by #) and hears its status and legal clocks, only when the number they call from is the
 * ticket's contact phone. A withheld number, an unknown ticket and another number's ticket all hear
 * the same {@code lookup-not-found}; after {@code menu-attempts} tries the call ends.
 */
final class ClockLookup {

    private static final Logger log = LoggerFactory.getLogger(ClockLookup.class);

    private final IvrPolicy policy;
    private final CallerHistory history;
    private final Ivr ivr;
    private final String ticketPrefix;

    ClockLookup(IvrPolicy policy, CallerHistory history, Ivr ivr, String ticketPrefix) {
        this.policy = policy;
        this.history = history;
        this.ivr = ivr;
        this.ticketPrefix = ticketPrefix;
    }

    void run(Prompter prompter, String callId, PhoneNumber caller) throws AgiException {
        for (int attempt = 1; ; attempt++) {
            String digits = prompter.ask("lookup-enter-number", IvrPolicy.LOOKUP_MAX_DIGITS);
            Optional<String> number = IvrPolicy.lookupNumber(digits, ticketPrefix);
            Optional<OwnTicket> own = number.flatMap(n -> history.ownTicket(n, caller, callId));
            if (own.isPresent()) {
                log.info("Reading out the status and {} legal clocks of ticket {} to its caller",
                        own.get().clocks().size(), own.get().number());
                TicketReadBack.readOut(prompter, ClockReadOut.groups(own.get().status(), own.get().clocks(),
                        own.get().today(), ivr::hasPrompt), "clock-repeat");
                TicketReadBack.end(prompter, null);
                return;
            }
            log.info("Clock look-up {} of {}: {}", attempt, caller == null ? "(withheld)" : caller.masked(),
                    number.isEmpty() ? "no ticket number keyed" : "no ticket of this caller");
            prompter.play(number.isEmpty() ? "hotline-invalid-key" : "lookup-not-found");
            if (!policy.mayRetryLookup(attempt)) {
                TicketReadBack.end(prompter, null);
                return;
            }
        }
    }
}
