package org.tandem.cooperation;

import org.tandem.problem.ProblemException;
import org.tandem.registry.County;
import org.tandem.registry.Pairing;
import org.tandem.registry.Track;

/** Lookups every record under a pairing needs: its track, and a host county that is one of the pair's. */
final class PairingScope {

    private PairingScope() {
    }

    static Track track(String code) {
        Track track = Track.findById(code);
        if (track == null) {
            throw ProblemException.invalid("track", "no track with code " + code);
        }
        return track;
    }

    static County hostCounty(Pairing pairing, String code) {
        if (pairing.industrialCounty.code.equals(code)) {
            return pairing.industrialCounty;
        }
        if (pairing.mountainCounty.code.equals(code)) {
            return pairing.mountainCounty;
        }
        throw ProblemException.invalid("hostCounty", "must be one of the pair's counties: "
                + pairing.industrialCounty.code + " (" + pairing.industrialCounty.name + ") or "
                + pairing.mountainCounty.code + " (" + pairing.mountainCounty.name + ")");
    }
}
