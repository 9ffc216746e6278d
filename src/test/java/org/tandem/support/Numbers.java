package org.tandem.support;

import java.math.BigDecimal;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches a JSON number by value whatever type JSON path gives it: values without decimals come back as
 * Integer or Long, others as BigDecimal.
 */
public final class Numbers {

    private Numbers() {
    }

    public static Matcher<Number> numberEqualTo(Object expected) {
        BigDecimal wanted = new BigDecimal(expected.toString());
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Number actual) {
                return new BigDecimal(actual.toString()).compareTo(wanted) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a number equal to ").appendValue(wanted);
            }
        };
    }
}
