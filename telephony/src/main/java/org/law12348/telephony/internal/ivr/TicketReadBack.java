package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiException;

import java.util.List;

/**
 * Ends a call that produced or looked up a ticket: reads it out with the product's own Mandarin
 * prompts, in groups, offers to read it again, says goodbye and hangs up. SAY DIGITS and SAY NUMBER
 * would depend on the PBX's language packs and fall back to English.
 */
final class TicketReadBack {

    private TicketReadBack() {
    }

    /** A new ticket's number, after {@code prompt} (message taken, callback booked). */
    static void readBack(Prompter prompter, String prompt, String number) throws AgiException {
        prompter.play(prompt);
        readOut(prompter, IvrPolicy.readBackGroups(number), "hotline-number-repeat");
        end(prompter, number);
    }

    /** Plays the groups, then again each time the caller asks after {@code offer}, at most twice more. */
    static void readOut(Prompter prompter, List<List<String>> groups, String offer) throws AgiException {
        int readings = 0;
        do {
            prompter.playGroups(groups);
            readings++;
        } while (IvrPolicy.repeatNumber(prompter.ask(offer, 1), readings));
    }

    /** Goodbye, the dialplan told the call is done (with the ticket it made, when not null), hang-up. */
    static void end(Prompter prompter, String ticket) throws AgiException {
        prompter.play("hotline-goodbye");
        prompter.set("HOTLINE_ACTION", "done");
        if (ticket != null) {
            prompter.set("HOTLINE_TICKET", ticket);
        }
        prompter.hangUp();
    }
}
