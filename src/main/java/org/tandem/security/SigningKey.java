package org.tandem.security;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The RSA key pair the built-in identity provider signs tokens with, Base64 DER encoded. */
@Entity
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;
    public String privateKey;
    public String publicKey;
    public OffsetDateTime createdAt;
}
