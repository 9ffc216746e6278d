package org.tandem.security;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;

import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;

/** A user of the built-in identity provider. The password is only ever held as a bcrypt hash. */
@Entity
public class AppUser extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    public Long id;
    public String username;
    public String displayName;
    @Enumerated(EnumType.STRING)
    public UserKind kind;
    public String passwordHash;
    /** The county a county editor is bound to; null for other roles. */
    public String countyCode;
    /** The city (its 6-digit code) a city reviewer is bound to; null for other roles. */
    public String cityCode;
    public boolean enabled;
    /** Written only by {@link Logins}, with atomic statements: a user's edit never writes back a stale count. */
    @Column(insertable = false, updatable = false)
    public int failedLogins;
    @Column(insertable = false, updatable = false)
    public OffsetDateTime lockedUntil;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    public Set<String> roles = new HashSet<>();

    public static AppUser findByUsername(String username) {
        return find("username", username).firstResult();
    }

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The scope of the users: what the token check reads of a user depends on it. See {@link ScopedData}. */
    public static final String SCOPE = "users";

    @Override
    public Set<String> scopes() {
        return Set.of(SCOPE);
    }
}
