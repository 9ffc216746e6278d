package org.tandem.report;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.tandem.assessment.ObjectionViews;
import org.tandem.assessment.Publications;
import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.registry.Program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The annual bulletin of a programme-year ({@link Bulletin}): the year's assessments with their breakdowns in one
 * statement, the schemes they were computed with in another, and the programme's totals from
 * {@link ProgramSummaries}.
 */
@ApplicationScoped
public class Bulletins {

    /** How many indicators a pair below the pass mark is told about: those that lost the most points. */
    static final int INDICATOR_REASONS = 5;
    /** A scheme's pass mark when its rules leave it out (SchemeRules' default). */
    private static final BigDecimal DEFAULT_PASS_MARK = new BigDecimal("60");

    /** Times in notices as Zhejiang reads them (UTC+8). */
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.ofHours(8));

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    ProgramSummaries summaries;

    /**
     * The bulletin of programme {@code code} in {@code year}: 404 when the programme or any assessment of the year is missing.
     */
    @SuppressWarnings("unchecked")
    public Bulletin bulletin(String code, int year) {
        Program program = Program.require(code);
        ProgramSummary summary = summaries.summary(program, year, GroupBy.PROGRAM, null);
        long programId = program.id;
        List<Object[]> rows = em.createNativeQuery("select a.id, a.pairing_id, ic.code, ic.name, mc.code, mc.name,"
                + " a.rank_in_year, a.total, a.grade_code, a.grade_label, a.passed, a.vetoed, a.status, a.scheme_id,"
                + " s.body from assessment a join score_breakdown s on s.id = a.breakdown_id"
                + " join pairing p on p.id = a.pairing_id join county ic on ic.code = p.industrial_county_code"
                + " join county mc on mc.code = p.mountain_county_code"
                + " where a.program_id = :program and a.calendar_year = :year order by a.rank_in_year, a.pairing_id")
                .setParameter("program", programId).setParameter("year", year).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(404, "not-found", "Not found", "the bulletin of " + code + " in " + year
                    + " does not exist: no assessment of that year has been computed", null);
        }
        List<Bulletin.TrackName> tracks = new ArrayList<>();
        ((List<Object[]>) em.createNativeQuery("select code, name_zh from track order by position").getResultList())
                .forEach(r -> tracks.add(new Bulletin.TrackName((String) r[0], (String) r[1])));
        Map<Long, Bulletin.SchemeUsed> schemes = schemes(rows);
        ObjectionViews.Window window = Publications.window(programId, year);

        List<Bulletin.Line> ranking = new ArrayList<>();
        List<Bulletin.BelowPassMark> below = new ArrayList<>();
        for (Object[] r : rows) {
            JsonNode breakdown = read((String) r[14]);
            List<Bulletin.TrackPoints> trackPoints = new ArrayList<>();
            for (JsonNode track : breakdown.path("tracks")) {
                trackPoints.add(new Bulletin.TrackPoints(track.path("trackCode").asText(),
                        track.path("points").decimalValue(), track.path("maxPoints").decimalValue()));
            }
            String status = (String) r[12];
            boolean isFinal = "FINALIZED".equals(status);
            String state = isFinal ? "FINALIZED" : window != null ? "PUBLISHED_FOR_OBJECTIONS" : "COMPUTED";
            Bulletin.Line line = new Bulletin.Line(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    new CountyRef((String) r[2], (String) r[3]), new CountyRef((String) r[4], (String) r[5]),
                    r[6] == null ? null : ((Number) r[6]).intValue(), (BigDecimal) r[7], (String) r[8], (String) r[9],
                    (Boolean) r[10], (Boolean) r[11], status, state, isFinal, trackPoints);
            ranking.add(line);
            if (!line.passed()) {
                below.add(new Bulletin.BelowPassMark(line, reasons(breakdown)));
            }
        }
        long finalized = ranking.stream().filter(Bulletin.Line::isFinal).count();
        boolean provisional = finalized < ranking.size();
        boolean example = schemes.values().stream().anyMatch(Bulletin.SchemeUsed::example);
        List<String> notices = new ArrayList<>();
        if (provisional) {
            notices.add("本通报含未定稿的考核结果（" + (ranking.size() - finalized) + " 个结对），结果可能变化，非最终结论。");
        }
        if (window != null && provisional) {
            notices.add("本年度考核结果已于 " + CHINA_TIME.format(window.publishedAt()) + " 起公示 " + window.days()
                    + " 天（至 " + CHINA_TIME.format(window.closesAt()) + "），公示期内各结对可提出异议，异议处理完毕后定稿。");
        }
        if (example) {
            notices.add("评分方案为示例方案，非官方考核评价办法，分数仅供演示。");
        }
        return new Bulletin(summary.program(), summary.programName(), year, summary.asOf(), provisional,
                ranking.size(), finalized, example, notices, List.copyOf(schemes.values()), tracks, ranking,
                leaders(tracks, ranking), below, summary.groups().get(0).years().get(0), window);
    }

    /** The schemes the assessments {@code rows} were computed with, by id, in one statement. */
    @SuppressWarnings("unchecked")
    private Map<Long, Bulletin.SchemeUsed> schemes(List<Object[]> rows) {
        List<Long> ids = rows.stream().map(r -> ((Number) r[13]).longValue()).distinct().sorted().toList();
        Map<Long, Bulletin.SchemeUsed> schemes = new LinkedHashMap<>();
        List<Object[]> found = em.createNativeQuery("select id, number, name, example, rules from scoring_scheme"
                + " where id in (:ids) order by id").setParameter("ids", ids).getResultList();
        for (Object[] s : found) {
            JsonNode passMark = read((String) s[4]).path("passMark");
            schemes.put(((Number) s[0]).longValue(), new Bulletin.SchemeUsed(((Number) s[0]).longValue(),
                    ((Number) s[1]).intValue(), (String) s[2], (Boolean) s[3],
                    passMark.isNumber() ? passMark.decimalValue() : DEFAULT_PASS_MARK));
        }
        return schemes;
    }

    /** Per track the scheme weighs, the pairs with the most points in it. */
    private static List<Bulletin.TrackLeaders> leaders(List<Bulletin.TrackName> tracks, List<Bulletin.Line> ranking) {
        List<Bulletin.TrackLeaders> leaders = new ArrayList<>();
        for (Bulletin.TrackName track : tracks) {
            BigDecimal best = ranking.stream().map(l -> l.pointsOf(track.track())).filter(p -> p != null)
                    .max(Comparator.naturalOrder()).orElse(null);
            if (best == null) {
                continue;
            }
            List<Bulletin.Leader> pairs = ranking.stream().filter(l -> {
                BigDecimal points = l.pointsOf(track.track());
                return points != null && points.compareTo(best) == 0;
            }).map(l -> new Bulletin.Leader(l.pairing(), l.pair(), l.isFinal())).toList();
            leaders.add(new Bulletin.TrackLeaders(track.track(), track.name(), best, pairs));
        }
        return leaders;
    }

    /** Why a pair did not pass, from its breakdown: vetoes, deductions, then the indicators that lost the most. */
    private static List<Bulletin.Reason> reasons(JsonNode breakdown) {
        List<Bulletin.Reason> reasons = new ArrayList<>();
        for (JsonNode veto : breakdown.path("vetoReasons")) {
            reasons.add(new Bulletin.Reason("VETO", null, null, null, veto.asText()));
        }
        for (JsonNode adjustment : breakdown.path("adjustments")) {
            if ("DEDUCTION".equals(adjustment.path("kind").asText())
                    && adjustment.path("applied").decimalValue().signum() > 0) {
                reasons.add(new Bulletin.Reason("DEDUCTION", null, adjustment.path("itemCode").asText(),
                        adjustment.path("applied").decimalValue(), adjustment.path("reason").asText()));
            }
        }
        Map<JsonNode, BigDecimal> lost = new IdentityHashMap<>();
        List<JsonNode> indicators = new ArrayList<>();
        for (JsonNode indicator : breakdown.path("indicators")) {
            if (indicator.path("excluded").asBoolean()) {
                continue;
            }
            BigDecimal shortOf = indicator.path("maxPoints").decimalValue()
                    .subtract(indicator.path("points").decimalValue());
            if (shortOf.signum() > 0) {
                lost.put(indicator, shortOf);
                indicators.add(indicator);
            }
        }
        indicators.sort(Comparator.comparing((JsonNode i) -> lost.get(i)).reversed()
                .thenComparing(i -> i.path("indicatorCode").asText()));
        for (JsonNode indicator : indicators.subList(0, Math.min(INDICATOR_REASONS, indicators.size()))) {
            reasons.add(new Bulletin.Reason("INDICATOR", indicator.path("trackCode").asText(),
                    indicator.path("indicatorCode").asText(), lost.get(indicator), indicator.path("rule").asText()));
        }
        return reasons;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored breakdown or scheme is unreadable", e);
        }
    }
}
