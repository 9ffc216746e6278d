package org.tandem.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tandem.scoring.Fixtures.bd;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingTest {

    /** {@code "3:85.0/85.00/0"} = pairing 3, total 85.0, base 85.00, deduction 0; a trailing {@code V} marks a veto. */
    private static List<RankCandidate> candidates(String spec) {
        return Arrays.stream(spec.trim().split("\\s+")).map(c -> {
            String[] idAndFigures = c.split(":");
            boolean vetoed = idAndFigures[1].endsWith("V");
            String[] figures = idAndFigures[1].replace("V", "").split("/");
            return new RankCandidate(Long.parseLong(idAndFigures[0]), vetoed, bd(figures[0]), bd(figures[1]),
                    bd(figures[2]));
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "total decides                       | 1:80.0/80/0 2:90.0/90/0 3:70.0/70/0                       | 2 1 3     | 1 2 3",
            "equal total: higher base first      | 1:85.0/83/0 2:85.0/85/0 3:85.0/84/1                       | 2 3 1     | 1 2 3",
            "equal total and base: less deduction| 1:85.0/85/2 2:85.0/85/0.5 3:85.0/85/1                     | 2 3 1     | 1 2 3",
            "all equal: one shared rank          | 7:85.0/85/1 3:85.0/85/1 5:85.0/85/1                       | 3 5 7     | 1 1 1",
            "a tie shares a rank, the next skips | 1:90.0/90/0 2:80.0/80/0 3:80.0/80/0 4:70.0/70/0           | 1 2 3 4   | 1 2 2 4",
            "tied pairs at zero after the first  | 1:0.0/0/0 2:0.0/0/0 3:50.0/50/0 4:0.0/0/0                 | 3 1 2 4   | 1 2 2 2",
            "scale does not split a tie          | 9:85/85.00/1.0 4:85.0/85/1                                | 4 9       | 1 1",
            "pairing ids list a tie as numbers   | 10:60.0/60/0 9:60.0/60/0                                  | 9 10      | 1 1",
            "each level in one ranking           | 1:90.0/88/0 2:90.0/90/2 3:90.0/90/1 4:90.0/90/1 5:91/80/0 | 5 3 4 2 1 | 1 2 2 4 5",
            "a veto ranks after everyone         | 1:95.0/95/0V 2:60.0/60/0 3:20.0/20/0                      | 2 3 1     | 1 2 3",
            "vetoed pairs among themselves       | 1:70.0/70/0V 2:80.0/80/0V 3:10.0/10/0                     | 3 2 1     | 1 2 3",
            "a vetoed pair never ties an unvetoed| 1:70.0/70/0V 2:70.0/70/0                                  | 2 1       | 1 2",
    })
    void ranksByTotalThenTieBreaksAndTiesShareARank(String name, String spec, String expectedOrder,
            String expectedRanks) {
        List<RankedPairing> ranking = Ranking.rank(candidates(spec));

        assertEquals(Arrays.stream(expectedOrder.trim().split(" ")).map(Long::valueOf).toList(),
                ranking.stream().map(r -> r.candidate().pairingId()).toList());
        assertEquals(Arrays.stream(expectedRanks.trim().split(" ")).map(Integer::valueOf).toList(),
                ranking.stream().map(RankedPairing::rank).toList());
    }

    @Test
    void ranksNothingAsEmpty() {
        assertEquals(List.of(), Ranking.rank(List.of()));
    }

    @Test
    void refusesAPairingTwice() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Ranking.rank(candidates("1:80.0/80/0 2:70.0/70/0 1:75.0/75/0")));

        assertEquals("pairing 1 appears more than once", thrown.getMessage());
    }

    @Test
    void takesTheFiguresFromAScore() {
        ScoreResult result = Scorer.score(Fixtures.oneIndicatorScheme().build(),
                Fixtures.baseTotal("81.26", new Adjustment("D1", bd("1.3"), "late report")));

        assertEquals(new RankCandidate(42, false, bd("80.0"), bd("81.26"), bd("1.3")), RankCandidate.of(42, result));
    }
}
