package org.law12348.ticketing;

import org.springframework.data.jpa.repository.JpaRepository;

/** All staff accounts. */
public interface StaffAccounts extends JpaRepository<StaffAccount, String> {
}
