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
    /** The demo consultant, certified for labour and family questions. */
    CONSULTANT,
    /** A consultant account that was never certified. */
    UNCERTIFIED,
    /** handler-gz, of the unit the probed tickets are routed to (GD-4401-LEGAL-AID). */
    HANDLER,
    /** A unit handler of another unit (GD-4403-LEGAL-AID). */
    OTHER_HANDLER,
    DISPATCHER,
    ADMIN;

    static final Set<Role> STAFF = EnumSet.of(CONSULTANT, UNCERTIFIED, HANDLER, OTHER_HANDLER, DISPATCHER, ADMIN);

    /** A role name, or ALL, STAFF, NONE. */
    static Set<Role> parse(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names.strip().split("\\s+")) {
            switch (name) {
                case "ALL" -> roles.addAll(EnumSet.allOf(Role.class));
                case "STAFF" -> roles.addAll(STAFF);
                case "NONE" -> { }
                default -> roles.add(Role.valueOf(name));
            }
        }
        return roles;
    }
}
