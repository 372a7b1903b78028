package org.law12348.ticketing;

/** Roles of staff accounts; a unit handler is bound to one handling unit. */
public enum StaffRole {
    DISPATCHER,
    UNIT_HANDLER,
    CONSULTANT,
    ADMIN;

    /** The Spring Security authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
