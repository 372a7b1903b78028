package org.law12348.ticketing;

import java.util.Set;

/** The signed-in staff member an action is done by, with what their role lets them see. */
public record StaffMember(String username, StaffRole role, String unitCode) {

    public boolean hasRole(StaffRole... roles) {
        return Set.of(roles).contains(role);
    }

    /** Dispatchers and admins see every ticket, unit handlers their unit's, consultants the pool's. */
    public boolean canSee(Ticket ticket) {
        return switch (role) {
            case ADMIN, DISPATCHER -> true;
            case UNIT_HANDLER -> ticket.handlingUnit().equals(unitCode);
            case CONSULTANT -> ticket.queue() == RoutingQueue.VOLUNTEER_POOL;
        };
    }
}
