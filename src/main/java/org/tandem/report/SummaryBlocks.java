package org.tandem.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tandem.cache.DataVersion;
import org.tandem.registry.Pairing;
import org.tandem.registry.RecordKind;
import org.tandem.report.ProgramSummaries.Figures;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A programme summary's figures per block of pairs, kept while nothing they were read from has changed. Pairs are in
 * blocks by id ({@link #blockOf}: a block's pairs are the programme's among {@code pairsPerBlock} consecutive ids).
 * A block's figures stay fresh while none of the scopes they depend on has changed ({@link DataVersion}): for the
 * figures of one kind of the pairs' records, the pairs' records of that kind ({@link Pairing#scope(long,
 * RecordKind)}) and the programme's pairings; for the figures of their assessments, the programme's assessments and
 * pairings; and while the block holds the same pairs (none added or dissolved). A clerk's write into one pair so
 * makes the next summary read that pair's block of the kind written again, and add up the kept figures of the
 * others: a fraction of reading the whole programme.
 * <p>
 * Stale blocks are read in one go ({@link Reader}): their pairs listed, after a few writes; every pair of the
 * programme, the first time or once most of them are stale. The statements are the same either way, and as many, and
 * what they cost grows with the pairs read, never more: so while writes keep coming, the read after a long one (the
 * first, or one slowed down) covers the blocks written meanwhile, and the next fewer again. While changes made
 * elsewhere might go unheard ({@link DataVersion#UNKNOWN}) nothing is kept.
 */
@ApplicationScoped
class SummaryBlocks {

    /**
     * Which figures of which summary a block holds: a part of them (one kind of record, e.g. {@code ACTIVITIES}, or
     * {@code ASSESSMENTS}: each changes apart), of the programme, grouped as asked, in those years, of the pairs of
     * {@code county} (a county editor's, by pairing) or of every pair (null).
     */
    record Summary(String part, long program, GroupBy groupBy, int from, int to, String county) {
    }

    /** Reads the figures of the pairs {@code pairs} (null: every pair of the summary), by block. */
    @FunctionalInterface
    interface Reader {
        Map<Long, Figures> read(List<Long> pairs);
    }

    /**
     * Past this share of the summary's pairs stale, every pair is read rather than those listed. Reading listed pairs
     * costs in proportion to how many there are, about half as much again a pair as reading every pair (measured on
     * H2: 16 listed pairs 0.8 ms a statement, 256 13 ms, 2,000 100 ms, none listed 70 ms), so listing two thirds of
     * them costs about as much as reading them all.
     */
    static final double MOST_LISTED = 2.0 / 3;

    /**
     * The most pairs listed in one statement, whatever the share: each is a parameter (as many as the next power of
     * two), and PostgreSQL takes at most 32,767 of them.
     */
    static final int MOST_LISTED_PAIRS = 4_096;

    private record Key(Summary summary, long block) {
    }

    /** A sum of {@code span} consecutive figures (blocks', or sums'), the {@code index}th at its {@code level}. */
    private record SumKey(Summary summary, int level, int index) {
    }

    /** The sum of {@code parts} (the very figures: compared by identity, {@code ==}). */
    private record Sum(Object[] parts, Figures figures) {
    }

    /** A block's figures, read from version {@code since} on, and what they depend on. */
    private record Kept(long since, long[] pairs, Set<String> scopes, Figures figures) {
    }

    /**
     * A summary's figures of one part added up over every block of {@code pairs}, valid from version {@code since}
     * on: fresh while the summary's pairs are these very ones and none of {@code scopes} (every block's) changes.
     */
    private record Whole(long since, Pairs pairs, Set<String> scopes, Figures figures) {
    }

    /** The pairs of a programme, or its pairs of a county (null: all of them). */
    private record PairsKey(long program, String county) {
    }

    /** A programme's pairs, read from version {@code since} on. */
    private record KeptPairs(long since, Pairs pairs) {
    }

    /**
     * A summary's pairs, in ascending order of id, and the same by block (each block's pairs, in order); neither is
     * changed once made.
     */
    record Pairs(List<Long> ids, SortedMap<Long, long[]> blocks) {
    }

    @Inject
    DataVersion data;

    private final int pairsPerBlock;
    /** How many figures a kept sum adds up: after a write, one sum of blocks and the sums above it are added again. */
    private final int span;
    private final Cache<Key, Kept> kept;
    private final Cache<SumKey, Sum> sums;
    private final Cache<Summary, Whole> wholes;
    private final Cache<PairsKey, KeptPairs> pairs = Caffeine.newBuilder().maximumSize(1_000)
            .executor(Runnable::run).build();

    /**
     * @param pairsPerBlock how many consecutive pair ids a block spans: fewer makes the read after a write cheaper
     *        and the adding up dearer
     * @param span how many blocks (and then sums) a kept sum adds up
     * @param maxGroupYears what each of the three caches (the blocks, their sums, each part's whole sum) keeps at most,
     *        in group-years (a block of a summary by city holds a group per city of its pairs, per year, in each of its
     *        parts: each kind of record and the assessments); a whole sum is the very figures its top sum holds, so
     *        it adds its scopes, not figures; 0 keeps nothing
     */
    SummaryBlocks(@ConfigProperty(name = "tandem.summary.pairs-per-block", defaultValue = "16") int pairsPerBlock,
            @ConfigProperty(name = "tandem.summary.blocks-per-sum", defaultValue = "16") int span,
            @ConfigProperty(name = "tandem.summary.kept-group-years", defaultValue = "150000") long maxGroupYears) {
        if (pairsPerBlock < 1 || span < 2) {
            throw new IllegalArgumentException("tandem.summary.pairs-per-block must be at least 1, blocks-per-sum 2");
        }
        this.pairsPerBlock = pairsPerBlock;
        this.span = span;
        kept = Caffeine.newBuilder().maximumWeight(maxGroupYears)
                .weigher((Key key, Kept block) -> 1 + block.figures().groupYears()).executor(Runnable::run).build();
        sums = Caffeine.newBuilder().maximumWeight(maxGroupYears)
                .weigher((SumKey key, Sum sum) -> 1 + sum.figures().groupYears()).executor(Runnable::run).build();
        wholes = Caffeine.newBuilder().maximumWeight(maxGroupYears)
                .weigher((Summary key, Whole whole) -> 1 + whole.figures().groupYears()).executor(Runnable::run)
                .build();
    }

    int pairsPerBlock() {
        return pairsPerBlock;
    }

    /**
     * The pairs of programme {@code program} (of {@code county}, or all of them: null) as {@code reader} reads them,
     * kept while none of the programme's pairings changes ({@link Pairing#pairingsScope}): a write of records leaves
     * them as they are, and the read after it does not read them again.
     */
    Pairs pairs(long program, String county, Supplier<List<Long>> reader) {
        long since = data.current();
        PairsKey key = new PairsKey(program, county);
        KeptPairs held = since == DataVersion.UNKNOWN ? null : pairs.getIfPresent(key);
        if (held != null && data.unchangedSince(held.since(), Set.of(Pairing.pairingsScope(program)))) {
            return held.pairs();
        }
        List<Long> ids = List.copyOf(reader.get());
        TreeMap<Long, long[]> blocks = new TreeMap<>();
        int start = 0;
        for (int i = 1; i <= ids.size(); i++) {
            if (i == ids.size() || blockOf(ids.get(i)) != blockOf(ids.get(start))) {
                blocks.put(blockOf(ids.get(start)), ids.subList(start, i).stream().mapToLong(Long::longValue)
                        .toArray());
                start = i;
            }
        }
        Pairs read = new Pairs(ids, Collections.unmodifiableSortedMap(blocks));
        if (since != DataVersion.UNKNOWN) {
            pairs.put(key, new KeptPairs(since, read));
        }
        return read;
    }

    /** The block of the pair with id {@code pairing}. */
    long blockOf(long pairing) {
        return pairing / pairsPerBlock;
    }

    /**
     * The figures of {@code pairs} (the summary's, from {@link #pairs}), added up: of each block those kept and fresh
     * as they are, the others read by {@code reader} at once. The sum is kept too, by parts
     * ({@link #sum}): the caller does not change it. With {@code keep} false nothing is kept or reused.
     * <p>
     * The whole sum is kept as well, with every block's scopes: while none of them changes it is the answer, without
     * a look at each block. After a clerk's write, so, only the part written goes through its blocks; the others
     * (each kind of record not written, the assessments) are one check of their scopes each. In a profile of the
     * summary read after a write (2,000 pairs: 125 blocks, seven parts), going through the blocks of every part was
     * about a third of its CPU.
     *
     * @param dependsOn the scopes a block's figures depend on, given its pairs
     */
    Figures figures(Summary summary, Pairs pairs, Function<long[], Set<String>> dependsOn, boolean keep,
            Reader reader) {
        SortedMap<Long, long[]> members = pairs.blocks();
        // Taken before reading: what changes while the blocks are read makes them stale, never kept as fresh.
        long since = data.current();
        boolean keeping = keep && since != DataVersion.UNKNOWN;
        Whole whole = keeping ? wholes.getIfPresent(summary) : null;
        if (whole != null && whole.pairs() == pairs && data.unchangedSince(whole.since(), whole.scopes())) {
            return whole.figures();
        }
        Map<Long, Figures> found = new HashMap<>();
        List<Long> stale = new ArrayList<>();
        Set<String> scopes = new HashSet<>();
        for (Map.Entry<Long, long[]> block : members.entrySet()) {
            Kept held = keeping ? kept.getIfPresent(new Key(summary, block.getKey())) : null;
            if (held != null && Arrays.equals(held.pairs(), block.getValue())
                    && data.unchangedSince(held.since(), held.scopes())) {
                found.put(block.getKey(), held.figures());
                scopes.addAll(held.scopes());
            } else {
                stale.add(block.getKey());
            }
        }
        if (!stale.isEmpty()) {
            List<Long> listed = new ArrayList<>();
            stale.forEach(block -> Arrays.stream(members.get(block)).forEach(listed::add));
            boolean all = readsEvery(listed.size(), pairs.ids().size());
            Map<Long, Figures> read = reader.read(all ? null : listed);
            for (long block : all ? members.keySet() : stale) {
                Figures figures = read.getOrDefault(block, new Figures());
                found.put(block, figures);
                if (keeping) {
                    Set<String> dependencies = dependsOn.apply(members.get(block));
                    kept.put(new Key(summary, block), new Kept(since, members.get(block), dependencies, figures));
                    scopes.addAll(dependencies);
                }
            }
        }
        List<Figures> figures = new ArrayList<>(members.size());
        members.keySet().forEach(block -> figures.add(found.get(block)));
        Figures sum = sum(summary, 0, figures, keeping);
        if (keeping) {
            // Every block's figures are valid from this version on: those kept were still fresh after it was taken,
            // those read were read after it.
            wholes.put(summary, new Whole(since, pairs, Set.copyOf(scopes), sum));
        }
        return sum;
    }

    /** Whether {@code stale} pairs of a summary of {@code pairs} are read by reading every pair. */
    static boolean readsEvery(int stale, int pairs) {
        return stale > MOST_LISTED * pairs || stale > MOST_LISTED_PAIRS;
    }

    /**
     * The sum of {@code parts}, {@code span} at a time, then of those sums: a sum of the same parts as one kept is
     * that one, so after a write into one block only its sum and the sums above it are added again.
     */
    private Figures sum(Summary summary, int level, List<Figures> parts, boolean keeping) {
        if (parts.isEmpty()) {
            return new Figures();
        }
        List<Figures> sums = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += span) {
            Object[] members = parts.subList(i, Math.min(i + span, parts.size())).toArray();
            SumKey key = new SumKey(summary, level, i / span);
            Sum held = keeping ? this.sums.getIfPresent(key) : null;
            if (held != null && Arrays.equals(held.parts(), members, (a, b) -> a == b ? 0 : 1)) {
                sums.add(held.figures());
                continue;
            }
            Figures sum = new Figures();
            for (Object member : members) {
                sum.add((Figures) member);
            }
            if (keeping) {
                this.sums.put(key, new Sum(members, sum));
            }
            sums.add(sum);
        }
        return sums.size() == 1 ? sums.get(0) : sum(summary, level + 1, sums, keeping);
    }

    /**
     * The scopes of these pairs' records of kind {@code kind} ({@link Pairing#scope(long, RecordKind)}: one for each
     * {@link Pairing#PAIRS_PER_KIND_SCOPE} consecutive ids, so one for a block of the default size), and {@code also}.
     */
    static Set<String> scopesOf(long[] pairs, RecordKind kind, Set<String> also) {
        Set<String> scopes = new HashSet<>(also);
        for (long pair : pairs) {
            scopes.add(Pairing.scope(pair, kind));
        }
        return scopes;
    }
}
