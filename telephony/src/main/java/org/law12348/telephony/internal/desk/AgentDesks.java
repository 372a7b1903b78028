package org.law12348.telephony.internal.desk;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The phone desks of staff members, by username. */
public interface AgentDesks extends JpaRepository<AgentDesk, String> {

    Optional<AgentDesk> findByMemberInterface(String memberInterface);

    List<AgentDesk> findByStateAndWrapUpUntilLessThanEqual(DeskState state, Instant now);
}
