package org.tandem.security;

/** A person logging in, or a service account of an automated job (the annual assessment run). */
public enum UserKind {
    PERSON,
    SERVICE
}
