package org.law12348.ticketing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

/** All staff accounts. */
public interface StaffAccounts extends JpaRepository<StaffAccount, String> {

    /** Enabled accounts of these roles, by name: who tickets can be assigned to. */
    List<StaffAccount> findByEnabledTrueAndRoleInOrderByUsername(Collection<StaffRole> roles);
}
