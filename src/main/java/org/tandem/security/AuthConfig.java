package org.tandem.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tandem's own authentication settings. */
@ConfigMapping(prefix = "tandem.auth")
public interface AuthConfig {

    /** The built-in identity provider: users in the database, tokens from POST /api/v1/auth/token. */
    Builtin builtin();

    /** The province's identity provider (OIDC/Keycloak style); off unless an issuer is set. */
    External external();

    /** Failed logins in a row before an account is locked for {@link #lockDuration()}. */
    @WithDefault("5")
    int maxFailedLogins();

    @WithDefault("PT15M")
    Duration lockDuration();

    /** How many login attempts are taken, so that guessing and storms of logins cannot starve the API. */
    LoginLimit loginLimit();

    /** How far the issuer's clock and this service's may disagree: how long after it expires a token is still taken. */
    @WithDefault("PT60S")
    Duration clockSkew();

    interface Builtin {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("tandem")
        String issuer();

        @WithDefault("PT15M")
        Duration tokenLifetime();

        /**
         * How long a refresh token (issued with every access token) may be used to get a new pair without the
         * password: a working day by default.
         */
        @WithDefault("PT8H")
        Duration refreshTokenLifetime();
    }

    interface LoginLimit {
        /** Attempts per username (existing or not) within {@link #window()}; more get 429. */
        @WithDefault("30")
        int perUser();

        /** Attempts per client address within {@link #window()}; more get 429. */
        @WithDefault("60")
        int perAddress();

        @WithDefault("PT1M")
        Duration window();

        /** Password checks (bcrypt, a quarter of a second of CPU each) run at the same time; others wait. */
        @WithDefault("2")
        int concurrentChecks();

        /** Attempts waiting for a password check; more get 429. */
        @WithDefault("50")
        int waitingChecks();

        /** How many usernames and addresses are tracked at most; the least recently seen are dropped. */
        @WithDefault("100000")
        int trackedKeys();
    }

    interface External {
        /** The issuer ({@code iss}) of the province's tokens, e.g. https://sso.example.gov.cn/realms/zj. */
        Optional<String> issuer();

        /** Where its public keys are published (JWKS), e.g. …/protocol/openid-connect/certs. */
        Optional<String> jwksUrl();

        /** The claim holding the roles, as a path: Keycloak puts realm roles at realm_access/roles. */
        @WithDefault("groups")
        String rolesClaim();

        /** The claim holding a county editor's county code. */
        @WithDefault("county")
        String countyClaim();

        /** The claim holding a city reviewer's city code. */
        @WithDefault("city")
        String cityClaim();
    }
}
