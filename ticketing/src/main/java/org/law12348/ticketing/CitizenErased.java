package org.law12348.ticketing;

import java.util.List;
import java.util.Set;

/**
 * A citizen's personal data was erased at their request: every ticket linked to them has been
 * anonymised (each with its {@link TicketAnonymised}). Published synchronously inside the erasing
 * transaction, after those, for modules that keep data about the citizen rather than about one
 * ticket — a mini-program account, hotline calls from their number that no ticket names. A
 * listener removes what it holds under any of the identities in the same transaction, so a
 * listener that fails rolls the whole erasure back and the administrator can run it again; for that
 * each listener must be idempotent.
 * <p>
 * Identities are blind indexes ({@code PersonalDataCipher.blindIndex}), the values every module
 * looks them up by, so the event holds no personal data in clear. An identity may be known without
 * any ticket left to anonymise (erasure by phone after retention emptied the tickets).
 *
 * @param phoneHashes        contact phone numbers of the erased tickets, and the phone erased by
 * @param wechatOpenIdHashes WeChat openids of the erased tickets
 * @param alipayUserIdHashes Alipay user ids of the erased tickets
 * @param ticketNumbers      the tickets erased
 */
public record CitizenErased(Set<String> phoneHashes, Set<String> wechatOpenIdHashes, Set<String> alipayUserIdHashes,
                            List<String> ticketNumbers) {

    public CitizenErased {
        phoneHashes = Set.copyOf(phoneHashes);
        wechatOpenIdHashes = Set.copyOf(wechatOpenIdHashes);
        alipayUserIdHashes = Set.copyOf(alipayUserIdHashes);
        ticketNumbers = List.copyOf(ticketNumbers);
    }
}
