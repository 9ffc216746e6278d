package org.tandem.notification;

import java.util.LinkedHashSet;
import java.util.Set;

import org.tandem.security.CurrentUserAugmentor;
import org.tandem.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The audience keys an event is written for and a reader holds: {@code role:<role>}, {@code county:<code>},
 * {@code city:<code>}.
 */
final class Audiences {

    private Audiences() {
    }

    static String role(String role) {
        return "role:" + role;
    }

    static String county(String code) {
        return "county:" + code;
    }

    static String city(String code) {
        return "city:" + code;
    }

    /** Null for an admin, who sees every event; otherwise the keys of the reader's roles and county. */
    static Set<String> of(SecurityIdentity identity) {
        if (identity.hasRole(Roles.ADMIN)) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String role : identity.getRoles()) {
            keys.add(role(role));
        }
        String county = identity.getAttribute(CurrentUserAugmentor.COUNTY);
        if (county != null && identity.hasRole(Roles.COUNTY_EDITOR)) {
            keys.add(county(county));
        }
        String city = identity.getAttribute(CurrentUserAugmentor.CITY);
        if (city != null && identity.hasRole(Roles.CITY_REVIEWER)) {
            keys.add(city(city));
        }
        return keys;
    }
}
