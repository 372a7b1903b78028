package org.law12348.ticketing.internal;

import org.law12348.ticketing.Ticket;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The tickets a citizen may see: those of their platform identity and, once they bound a verified
 * phone number, those under that number from every channel (the hotline above all). Absent
 * identities are passed as {@link #NONE}, a value no hash equals. Behind {@code TicketLookup}.
 */
public interface CitizenTicketRows extends Repository<Ticket, Long> {

    String NONE = "-";

    /** Each argument is the blind index of the identity ({@code PersonalDataCipher.blindIndex}) or {@link #NONE}. */
    @Query(value = "select t from Ticket t where t.contact.wechatOpenIdHash = :openIdHash "
            + "or t.contact.alipayUserIdHash = :alipayUserIdHash or t.contact.phoneHash = :phoneHash "
            + "order by t.createdAt desc, t.id desc",
            countQuery = "select count(t) from Ticket t where t.contact.wechatOpenIdHash = :openIdHash "
                    + "or t.contact.alipayUserIdHash = :alipayUserIdHash or t.contact.phoneHash = :phoneHash")
    Page<Ticket> findVisibleTo(String openIdHash, String alipayUserIdHash, String phoneHash, Pageable page);
}
