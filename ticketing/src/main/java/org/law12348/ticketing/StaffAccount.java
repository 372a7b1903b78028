package org.law12348.ticketing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A staff member who signs in: dispatcher, unit handler (bound to one unit), consultant or admin. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private StaffRole role;

    @Column(name = "unit_code", length = 64)
    private String unitCode;

    @Column(nullable = false)
    private boolean enabled;

    protected StaffAccount() {
    }

    public StaffAccount(String username, String passwordHash, String displayName, StaffRole role, String unitCode) {
        if (role == StaffRole.UNIT_HANDLER && (unitCode == null || unitCode.isBlank())) {
            throw new IllegalArgumentException("A unit handler must be bound to a handling unit");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.unitCode = unitCode;
        this.enabled = true;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public StaffRole role() {
        return role;
    }

    public String unitCode() {
        return unitCode;
    }

    public boolean enabled() {
        return enabled;
    }
}
