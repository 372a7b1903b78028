package org.law12348.app.console;

import org.junit.jupiter.api.Test;
import org.law12348.ticketing.DeadlineState;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketFilter;
import org.law12348.ticketing.TicketPage;
import org.law12348.ticketing.TicketSearch;
import org.law12348.ticketing.TicketService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Keyset paging of the deadline-state queues, which read the two waiting statuses separately and
 * merge them: every ticket once, in deadline order, whichever status it has.
 */
class QueuePagingTest extends ConsoleTestSupport {

    @Autowired
    TicketSearch search;
    @Autowired
    TicketService service;

    @Test
    void deadlineStateQueuePagesThroughBothWaitingStatusesInDeadlineOrder() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(submit("LEGAL_CONSULTATION", "440203", newPhone(), "劳动合同到期不续签有没有补偿？第" + i + "问"));
        }
        StaffMember dispatcher = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);
        service.accept(created.get(1), dispatcher);
        TicketFilter pool = new TicketFilter(new RegionCode("440200"), null, null, null, null, null, null, null, null,
                DeadlineState.POOL_UNANSWERED);

        List<Ticket> seen = new ArrayList<>();
        String cursor = null;
        do {
            TicketPage page = search.find(pool, cursor, 1, dispatcher);
            seen.addAll(page.tickets());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).extracting(Ticket::number).containsExactlyInAnyOrderElementsOf(created);
        assertThat(seen).extracting(Ticket::dueAt).isSorted();
    }
}
