package org.law12348.ticketing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Looks staff accounts up for sign-in, and turns a signed-in principal into a {@link StaffMember}.
 * A consultant's authorities follow their certification, not their account: only an approved,
 * unexpired certification adds {@link #CERTIFIED_CONSULTANT}; {@link #reload} reads it again, so
 * a session signed in before a suspension or revocation loses it on its next request.
 */
@Service
public class StaffDirectory implements UserDetailsService {

    /**
     * The role (for {@code hasRole}) of a consultant whose certification is approved and valid today.
     * Not an account role: every consultant account has {@link StaffRole#CONSULTANT}, which alone
     * opens only the consultant's own application and profile.
     */
    public static final String CERTIFIED_CONSULTANT = "CERTIFIED_CONSULTANT";

    /** The signed-in principal: a Spring Security user that also knows its role, unit and certification. */
    public static final class StaffPrincipal extends User {
        private final transient StaffMember member;

        StaffPrincipal(StaffAccount account, ConsultantScope certification) {
            super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
                    authorities(account.role(), certification));
            this.member = new StaffMember(account.username(), account.role(), account.unitCode(), certification);
        }

        public StaffMember member() {
            return member;
        }

        private static List<GrantedAuthority> authorities(StaffRole role, ConsultantScope certification) {
            List<GrantedAuthority> granted = new ArrayList<>(2);
            granted.add(new SimpleGrantedAuthority(role.authority()));
            if (certification != null) {
                granted.add(new SimpleGrantedAuthority("ROLE_" + CERTIFIED_CONSULTANT));
            }
            return granted;
        }
    }

    private final StaffAccounts accounts;
    private final ConsultantCertifications certifications;

    /** The certifications come from the consultation module when it is part of the application. */
    StaffDirectory(StaffAccounts accounts, ObjectProvider<ConsultantCertifications> certifications) {
        this.accounts = accounts;
        this.certifications = certifications.getIfAvailable(() -> ConsultantCertifications.NONE);
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findById(username).map(this::principal)
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
    }

    /**
     * The principal as the account and certification stand now, without its password hash; empty
     * when the account is gone or disabled. For sessions, whose principal was resolved at sign-in.
     */
    @Transactional(readOnly = true)
    public Optional<StaffPrincipal> reload(String username) {
        Optional<StaffPrincipal> current = accounts.findById(username).filter(StaffAccount::enabled)
                .map(this::principal);
        current.ifPresent(StaffPrincipal::eraseCredentials);
        return current;
    }

    /** Why a consultant without a valid certification is refused, in Chinese (e.g. 资格状态为「待审核」). */
    public String whyNotCertified(String username) {
        return certifications.whyNotValid(username);
    }

    private StaffPrincipal principal(StaffAccount account) {
        ConsultantScope certification = account.role() == StaffRole.CONSULTANT
                ? certifications.validToday(account.username()).orElse(null) : null;
        return new StaffPrincipal(account, certification);
    }

    /**
     * The staff member behind a principal; principals from elsewhere (tests, SSO) map by their role,
     * and a consultant among them holds whatever certification the record says today.
     */
    public StaffMember memberOf(Object principal, String name, Collection<? extends GrantedAuthority> authorities) {
        if (principal instanceof StaffPrincipal staff) {
            return staff.member();
        }
        for (StaffRole role : StaffRole.values()) {
            if (authorities.stream().anyMatch(a -> a.getAuthority().equals(role.authority()))) {
                ConsultantScope certification = role == StaffRole.CONSULTANT
                        ? certifications.validToday(name).orElse(null) : null;
                return new StaffMember(name, role, accounts.findById(name).map(StaffAccount::unitCode).orElse(null),
                        certification);
            }
        }
        return null;
    }
}
