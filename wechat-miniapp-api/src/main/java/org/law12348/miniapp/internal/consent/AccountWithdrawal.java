package org.law12348.miniapp.internal.consent;

import org.law12348.miniapp.internal.citizen.CitizenDirectory;
import org.law12348.miniapp.internal.citizen.MiniappCitizen;
import org.law12348.miniapp.internal.tickets.MiniappTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mini-program citizen withdraws their consent: what the mini-program keeps of them goes at once
 * (the account, its send grants and sessions, as for an erased citizen), and their tickets, which staff
 * may still be handling, are asked to be erased the way the web's citizens ask. The consents stay,
 * marked withdrawn and no longer tied to any account, as proof of what was given and withdrawn.
 */
@Service
public class AccountWithdrawal {

    static final String ERASURE_DETAIL = "市民在小程序中撤回同意，申请删除个人信息";
    private static final Logger log = LoggerFactory.getLogger(AccountWithdrawal.class);

    private final Consents consents;
    private final MiniappTickets tickets;
    private final CitizenDirectory directory;

    AccountWithdrawal(Consents consents, MiniappTickets tickets, CitizenDirectory directory) {
        this.consents = consents;
        this.tickets = tickets;
        this.directory = directory;
    }

    /** All or nothing: a failure leaves the account, its consents in force and no erasure request. */
    @Transactional
    public void withdraw(MiniappCitizen citizen) {
        int withdrawn = consents.withdrawAllOf(citizen.id());
        int requested = tickets.requestErasure(citizen, ERASURE_DETAIL).size();
        directory.delete(citizen.id());
        log.info("Consent withdrawn in a mini-program: {} consents marked, erasure asked for {} tickets, "
                + "account deleted", withdrawn, requested);
    }
}
