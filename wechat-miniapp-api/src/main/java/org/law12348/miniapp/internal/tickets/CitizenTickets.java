package org.law12348.miniapp.internal.tickets;

import org.law12348.ticketing.Ticket;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The tickets a mini-program citizen may see: those of their platform identity and, once they bound
 * a verified phone number, those under that number from every channel (the hotline above all).
 * Absent identities are passed as {@link #NONE}, a value no ticket holds.
 */
public interface CitizenTickets extends Repository<Ticket, Long> {

    String NONE = "-";

    @Query(value = "select t from Ticket t where t.contact.wechatOpenId = :openId "
            + "or t.contact.alipayUserId = :alipayUserId or t.contact.phone = :phone order by t.createdAt desc, t.id desc",
            countQuery = "select count(t) from Ticket t where t.contact.wechatOpenId = :openId "
                    + "or t.contact.alipayUserId = :alipayUserId or t.contact.phone = :phone")
    Page<Ticket> findVisibleTo(String openId, String alipayUserId, String phone, Pageable page);
}
