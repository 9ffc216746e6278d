package org.tandem.security;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.tandem.cache.ScopedData;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The RSA key pair the built-in identity provider signs tokens with, Base64 DER encoded. */
@Entity
public class SigningKey extends PanacheEntityBase implements ScopedData {

    @Id
    public String kid;
    public String privateKey;
    public String publicKey;
    public OffsetDateTime createdAt;

    /** No kept read shows a signing key (tokens are checked per request). */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
