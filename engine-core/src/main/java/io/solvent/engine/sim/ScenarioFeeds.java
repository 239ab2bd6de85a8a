package io.solvent.engine.sim;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.WindowedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFeedOptions;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFormat;
import io.solvent.engine.feed.synthetic.CorrelatedPathGenerator;
import io.solvent.engine.feed.synthetic.JumpDiffusionGenerator;
import io.solvent.engine.feed.synthetic.ShockedFeedReader;
import io.solvent.engine.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's price sources as one stream: every feed opened (recorded files in their formats, synthetic paths,
 * streams opened by code: a live venue's, a journal), merged in time order, shocked, windowed; and what can be told
 * about them without replaying them.
 */
public final class ScenarioFeeds {
    private ScenarioFeeds() {
    }

    /**
     * @param scenario a scenario
     * @return the time of its first price event, ms since the Unix epoch, UTC (over a live feed, waits for it)
     * @throws IllegalArgumentException when its feeds hold no price
     */
    public static long firstTickMs(Scenario scenario) {
        try (FeedReader feed = open(scenario)) {
            for (FeedEvent e = feed.next(); e != null; e = feed.next()) {
                if (e instanceof PriceEvent p) {
                    return p.timestampMs();
                }
            }
        }
        throw new IllegalArgumentException("the scenario's feeds hold no price");
    }

    /**
     * An estimate of when a scenario's feeds end, for progress display only (it decides nothing): a synthetic feed's
     * last step; a recorded file's last line's timestamp (first CSV column, or a journal line's {@code "t"}; values
     * above 10^14 are taken as µs), read from the file's tail. Unknown when any feed's end cannot be read that way (a
     * live stream's, always).
     *
     * @param scenario a scenario
     * @return the latest end of its feeds, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} when unknown
     */
    public static long endHintMs(Scenario scenario) {
        long end = Long.MIN_VALUE;
        for (Scenario.Feed f : scenario.feeds()) {
            long e = switch (f) {
                case Scenario.SyntheticFeed s -> s.parameters().timeline().endMs();
                case Scenario.CorrelatedFeed c -> c.parameters().timeline().endMs();
                case Scenario.RecordedFeed r -> lastLineTimeMs(r.path());
                case Scenario.StreamFeed st -> st.file() == null ? Long.MIN_VALUE : lastLineTimeMs(st.file());
            };
            if (e == Long.MIN_VALUE) {
                return Long.MIN_VALUE;
            }
            end = Math.max(end, e);
        }
        return Math.min(end, scenario.window().endMs() == Long.MAX_VALUE ? end : scenario.window().endMs() - 1);
    }

    private static final java.util.regex.Pattern LEADING_TIME = java.util.regex.Pattern.compile(
            "^\\s*(?:\\{\\s*\"t\"\\s*:\\s*)?(\\d{9,19})\\b");

    private static long lastLineTimeMs(java.nio.file.Path file) {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(length, 8192);
            byte[] tail = new byte[n];
            raf.seek(length - n);
            raf.readFully(tail);
            String[] lines = new String(tail, java.nio.charset.StandardCharsets.UTF_8).split("\\R");
            for (int i = lines.length - 1; i > 0 || (i == 0 && n == length); i--) {
                if (lines[i].isBlank()) {
                    continue;
                }
                java.util.regex.Matcher m = LEADING_TIME.matcher(lines[i]);
                if (!m.find()) {
                    return Long.MIN_VALUE;
                }
                long t = Long.parseLong(m.group(1));
                return t > 100_000_000_000_000L ? t / 1000 : t;
            }
            return Long.MIN_VALUE;
        } catch (java.io.IOException | NumberFormatException e) {
            return Long.MIN_VALUE; // only a hint: the replay itself reports a bad file
        }
    }

    /**
     * @param scenario a scenario
     * @return its feeds merged in time order, its shocks applied, its window kept; to be closed
     */
    static FeedReader open(Scenario scenario) {
        List<FeedReader> readers = new ArrayList<>();
        try {
            for (Scenario.Feed f : scenario.feeds()) {
                readers.add(switch (f) {
                    case Scenario.RecordedFeed r -> RecordedFeedReader.open(r.path(), r.format() == null
                            ? RecordedFeedOptions.DETECT
                            : RecordedFeedOptions.DETECT.withFormat(RecordedFormat.ofOptionName(r.format())));
                    case Scenario.SyntheticFeed s -> new JumpDiffusionGenerator(s.parameters());
                    case Scenario.CorrelatedFeed c -> new CorrelatedPathGenerator(c.parameters());
                    case Scenario.StreamFeed st -> st.source().open();
                });
            }
        } catch (RuntimeException e) {
            readers.forEach(FeedReader::close);
            throw e;
        }
        FeedReader merged = new MergedFeedReader(readers);
        FeedReader shocked = scenario.shocks().isEmpty() ? merged : new ShockedFeedReader(merged, scenario.shocks());
        Scenario.Window w = scenario.window();
        return w.all() ? shocked : new WindowedFeedReader(shocked, w.startMs(), w.endMs());
    }

}
