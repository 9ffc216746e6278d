package org.tandem.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which kept reads a change leaves fresh: a table of reads' dependencies against changes. */
class DataVersionTest {

    private static final Set<String> ANY = null;

    static Stream<Arguments> cases() {
        return Stream.of(
                // read depends on, change of, still fresh
                Arguments.of(ANY, Set.of("pairing:1"), false),
                Arguments.of(ANY, ANY, false),
                Arguments.of(ANY, Set.of(), true),
                Arguments.of(Set.of(), Set.of("pairing:1"), true),
                Arguments.of(Set.of(), ANY, false),
                Arguments.of(Set.of("pairing:1"), Set.of("pairing:2", "program:9"), true),
                Arguments.of(Set.of("pairing:1"), Set.of("pairing:1"), false),
                Arguments.of(Set.of("pairing:1", "program:9"), Set.of("program:9"), false),
                Arguments.of(Set.of("assessments:9"), Set.of("pairing:1", "program:9"), true),
                Arguments.of(Set.of("assessments:9"), ANY, false),
                Arguments.of(Set.of("users"), Set.of("users"), false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aReadStaysFreshUnlessAScopeItDependsOnChanged(Set<String> dependsOn, Set<String> changed, boolean fresh) {
        DataVersion version = new DataVersion();
        version.others = new ChangeListener();
        version.changed(Set.of("pairing:1"));
        long since = version.current();
        assertEquals(true, version.unchangedSince(since, dependsOn), "nothing changed yet");
        version.changed(changed);
        assertEquals(fresh, version.unchangedSince(since, dependsOn));
        // A read that begins after the change is fresh whatever it depends on.
        assertEquals(true, version.unchangedSince(version.current(), dependsOn));
    }
}
