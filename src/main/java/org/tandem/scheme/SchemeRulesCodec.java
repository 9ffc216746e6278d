package org.tandem.scheme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes the JSON document a scheme's rules are stored as. */
@ApplicationScoped
public class SchemeRulesCodec {

    @Inject
    ObjectMapper json;

    public SchemeRules read(Scheme scheme) {
        try {
            return json.readValue(scheme.rules, SchemeRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules of scheme " + scheme.id + " are unreadable", e);
        }
    }

    String write(SchemeRules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scheme rules could not be written as JSON", e);
        }
    }
}
