package org.law12348.ticketing;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;

/** Looks staff accounts up for sign-in, and turns a signed-in principal into a {@link StaffMember}. */
@Service
public class StaffDirectory implements UserDetailsService {

    /** The signed-in principal: a Spring Security user that also knows its role and unit. */
    public static final class StaffPrincipal extends User {
        private final transient StaffMember member;

        StaffPrincipal(StaffAccount account) {
            super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
                    List.of(new SimpleGrantedAuthority(account.role().authority())));
            this.member = new StaffMember(account.username(), account.role(), account.unitCode());
        }

        public StaffMember member() {
            return member;
        }
    }

    private final StaffAccounts accounts;

    StaffDirectory(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findById(username).map(StaffPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
    }

    /** The staff member behind a principal; principals from elsewhere (tests, SSO) map by their role. */
    public StaffMember memberOf(Object principal, String name, Collection<? extends GrantedAuthority> authorities) {
        if (principal instanceof StaffPrincipal staff) {
            return staff.member();
        }
        for (StaffRole role : StaffRole.values()) {
            if (authorities.stream().anyMatch(a -> a.getAuthority().equals(role.authority()))) {
                return new StaffMember(name, role, accounts.findById(name).map(StaffAccount::unitCode).orElse(null));
            }
        }
        return null;
    }
}
