package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiException;

import java.util.List;

/**
 * Ends a call that produced a ticket: reads the number back with the product's own Mandarin digit
 * prompts, in groups, offers to read it again, says goodbye and hangs up. SAY DIGITS would depend on
 * the PBX's language packs and fall back to English.
 */
final class TicketReadBack {

    private TicketReadBack() {
    }

    static void readBack(Prompter prompter, String prompt, String number) throws AgiException {
        prompter.play(prompt);
        List<List<String>> groups = IvrPolicy.readBackGroups(number);
        int readings = 0;
        do {
            prompter.playGroups(groups);
            readings++;
        } while (IvrPolicy.repeatNumber(prompter.ask("hotline-number-repeat", 1), readings));
        prompter.play("hotline-goodbye");
        prompter.set("HOTLINE_ACTION", "done");
        prompter.set("HOTLINE_TICKET", number);
        prompter.hangUp();
    }
}
