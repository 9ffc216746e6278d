package org.tandem.security;

import java.util.List;

/**
 * Data that belongs to counties, such as a pairing and what is recorded for it: besides an admin, only an
 * editor of one of its counties may change it ({@link Access#checkPairing}).
 */
public interface CountyScoped {

    /** The codes of the counties it belongs to. */
    List<String> countyCodes();

    /** The names of those counties, in the same order; asked only to explain a refusal. */
    List<String> countyNames();
}
