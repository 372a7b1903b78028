package org.law12348.knowledge.web;

import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The names staff see for the usernames an article records (its author, each version's editor): the
 * account's display name, or the username where the account is gone. Pages show names, never usernames.
 */
@Component
class StaffNames {

    private final StaffAccounts accounts;

    StaffNames(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** A lookup for one answer: each username is read once, however many articles or versions name it. */
    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {
        private final Map<String, String> known = new HashMap<>();

        String of(String username) {
            if (username == null) {
                return null;
            }
            return known.computeIfAbsent(username, u -> accounts.findById(u).map(StaffAccount::displayName).orElse(u));
        }
    }
}
