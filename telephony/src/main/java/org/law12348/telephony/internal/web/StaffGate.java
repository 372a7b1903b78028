package org.law12348.telephony.internal.web;

import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may use the hotline's staff endpoints: dispatchers, administrators and unit handlers. Checked
 * here as well as in the app's filter chain, so the rule holds whatever the chain says.
 */
@Component
class StaffGate {

    private final CurrentStaff current;

    StaffGate(CurrentStaff current) {
        this.current = current;
    }

    /** Dispatchers and administrators only: the callbacks handed over to them. */
    StaffMember requireDispatcher(String action) {
        StaffMember staff = require(action);
        if (!staff.hasRole(StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("你的角色不能" + action);
        }
        return staff;
    }

    /** Administrators only: who has which phone desk. */
    StaffMember requireAdmin(String action) {
        StaffMember staff = require(action);
        if (!staff.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("你的角色不能" + action);
        }
        return staff;
    }

    StaffMember require(String action) {
        StaffMember staff = current.require();
        if (!staff.hasRole(StaffRole.DISPATCHER, StaffRole.ADMIN, StaffRole.UNIT_HANDLER)) {
            throw new AccessDeniedException("你的角色不能" + action);
        }
        return staff;
    }
}
