package io.solvent.cluster;

import io.solvent.engine.io.StressOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's arguments: {@code solvent stress}'s own ({@code SCENARIO.json --set KEY=V1,V2 ... | --reverse ... |
 * --monte-carlo N --calibrate FILE... [--seed S]}, {@code --fork-at}, {@code --out DIR}), each option as
 * {@code --name value} or {@code --name=value}, plus the job's {@code --tasks N}. {@code --threads} and
 * {@code --[no-]progress} are accepted and ignored (Spark decides where runs go; the job prints progress lines).
 *
 * @param options what the analysis is, checked by {@link io.solvent.engine.io.StressPlan#of}
 * @param out     the output folder
 * @param tasks   how many Spark tasks the runs are split into, or 0 for the job's default
 */
public record JobArguments(StressOptions options, Path out, int tasks) {

    /**
     * @param args the arguments
     * @return them, read
     * @throws StressOptions.Rejected when one is unknown, missing its value or not a number
     */
    public static JobArguments parse(String... args) {
        Path scenario = null;
        List<String> sets = null;
        String forkAt = null;
        boolean reverse = false;
        Integer monteCarlo = null;
        List<Path> calibrate = null;
        long seed = StressOptions.DEFAULT_SEED;
        Long shockAt = null;
        double maxDrop = StressOptions.DEFAULT_MAX_DROP;
        Path out = null;
        int tasks = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                if (scenario != null) {
                    throw new StressOptions.Rejected("unexpected argument '" + a + "' (the scenario is " + scenario
                            + ")");
                }
                scenario = Path.of(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            String inline = eq < 0 ? null : a.substring(eq + 1);
            switch (name) {
                case "--reverse" -> reverse = true;
                case "--progress", "--no-progress" -> { }
                case "--calibrate" -> {
                    calibrate = calibrate == null ? new ArrayList<>() : calibrate;
                    if (inline != null) {
                        calibrate.add(Path.of(inline));
                    }
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        calibrate.add(Path.of(args[++i]));
                    }
                    if (calibrate.isEmpty()) {
                        throw new StressOptions.Rejected("--calibrate expects FILE...");
                    }
                }
                default -> {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.length) {
                            throw new StressOptions.Rejected(name + " expects a value");
                        }
                        v = args[++i];
                    }
                    switch (name) {
                        case "--set" -> {
                            sets = sets == null ? new ArrayList<>() : sets;
                            sets.add(v);
                        }
                        case "--fork-at" -> forkAt = v;
                        case "--monte-carlo" -> monteCarlo = (int) whole(name, v, Integer.MIN_VALUE,
                                Integer.MAX_VALUE);
                        case "--seed" -> seed = whole(name, v, Long.MIN_VALUE, Long.MAX_VALUE);
                        case "--shock-at" -> shockAt = whole(name, v, Long.MIN_VALUE, Long.MAX_VALUE);
                        case "--max-drop" -> maxDrop = number(name, v);
                        case "--out" -> out = Path.of(v);
                        case "--tasks" -> tasks = (int) whole(name, v, 1, Integer.MAX_VALUE);
                        case "--threads" -> whole(name, v, 1, Integer.MAX_VALUE);
                        default -> throw new StressOptions.Rejected("unknown option '" + name + "'");
                    }
                }
            }
        }
        if (scenario == null) {
            throw new StressOptions.Rejected("missing the scenario (SCENARIO.json)");
        }
        if (out == null) {
            throw new StressOptions.Rejected("missing --out DIR");
        }
        return new JobArguments(new StressOptions(scenario, sets, forkAt, reverse, monteCarlo, calibrate, seed,
                shockAt, maxDrop), out, tasks);
    }

    private static long whole(String name, String v, long min, long max) {
        try {
            long x = Long.parseLong(v);
            if (x >= min && x <= max) {
                return x;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new StressOptions.Rejected(name + " expects a whole number" + (min > 0 ? " >= " + min : "") + ", was '"
                + v + "'");
    }

    private static double number(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new StressOptions.Rejected(name + " expects a number, was '" + v + "'");
        }
    }
}
