package org.law12348.app.access;

import java.util.EnumSet;
import java.util.Set;

/** The callers the access matrix tries every endpoint as. */
enum Role {
    /** Nobody signed in, no token. */
    ANON,
    /** A citizen holding the tracking token of the ticket the endpoint names. */
    CITIZEN,
    /** A citizen holding the tracking token of a different ticket. */
    OTHER_CITIZEN,
    /** The demo consultant: certification approved and valid, for labour and family questions province-wide. */
    CONSULTANT,
    /** A consultant approved and valid for mediation only: the probed questions are outside their fields. */
    OTHER_FIELD,
    /** Signed up through the public registration; the application awaits review. */
    APPLIED,
    /** The application was rejected. */
    REJECTED,
    /** Approved once, but the certification's last valid day has passed. */
    EXPIRED,
    /** Approved, then suspended. */
    SUSPENDED,
    /** Approved, then revoked. */
    REVOKED,
    /** A consultant account that never applied. */
    UNCERTIFIED,
    /** handler-gz, of the unit the probed tickets are routed to (GD-4401-LEGAL-AID). */
    HANDLER,
    /** A unit handler of another unit (GD-4403-LEGAL-AID). */
    OTHER_HANDLER,
    DISPATCHER,
    ADMIN;

    /** Staff at work: approved consultants, unit handlers, dispatchers, admins. */
    static final Set<Role> STAFF = EnumSet.of(CONSULTANT, OTHER_FIELD, HANDLER, OTHER_HANDLER, DISPATCHER, ADMIN);
    /** Consultant accounts without an approved, valid certification: only their own application and profile. */
    static final Set<Role> UNAPPROVED = EnumSet.of(APPLIED, REJECTED, EXPIRED, SUSPENDED, REVOKED, UNCERTIFIED);

    /** A role name, or ALL, STAFF, UNAPPROVED, NONE. */
    static Set<Role> parse(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names.strip().split("\\s+")) {
            switch (name) {
                case "ALL" -> roles.addAll(EnumSet.allOf(Role.class));
                case "STAFF" -> roles.addAll(STAFF);
                case "UNAPPROVED" -> roles.addAll(UNAPPROVED);
                case "NONE" -> { }
                default -> roles.add(Role.valueOf(name));
            }
        }
        return roles;
    }
}
