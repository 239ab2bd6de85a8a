package io.solvent.app.cli;

import io.solvent.engine.io.BookWriter;
import io.solvent.engine.model.Account;
import io.solvent.engine.population.PopulationGenerator;
import io.solvent.engine.population.PopulationParameters;
import io.solvent.engine.population.PopulationProfile;
import io.solvent.engine.population.PopulationSummary;
import io.solvent.engine.population.PopulationUniverse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code solvent population --accounts N --seed S --out BOOK.json}: a synthetic, calibrated book. */
@Command(name = "population",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes a synthetic but realistic book: USDC and ten assets, ten Hyperliquid-style perpetuals with their"
                + " margin tiers, prices of 2025-10-10 20:59 UTC, and accounts drawn from documented distributions.",
            "",
            "Per account: equity from the percentiles of Hyperliquid's 2025-10-10 ADL'd accounts (median 941 USD),"
                + " split over 1-3 sub-accounts. Per sub-account: isolated with probability 12.9%% (one position,"
                + " USDC), else cross with 1-4 positions and 1-3 balances (USDC, BTC, ETH, SOL; some borrow USDC);"
                + " leverage (notional / equity) from the same accounts' percentiles (median 0.36x, 1.67x under"
                + " 100 USD), capped where initial margin runs out; a tail of 2-3%% is left between initial margin"
                + " and a maintenance health factor of 1.1, so no sub-account is liquidatable at the book's prices."
                + " Sides by market (BTC 64.8%% long, SOL 49.0%%), entry prices around the price.",
            "Every distribution, parameter and source: docs/population.md.",
            "",
            "The same options and seed give the same file, byte for byte, on any machine. The book is streamed"
                + " (a million sub-accounts in bounded memory) and written atomically; a one-line summary goes to"
                + " standard error, with progress while it is a terminal.",
            "Bad options are reported on standard error with exit status 2."
        })
public final class PopulationCommand implements Callable<Integer> {

    /** Exactly one way to size the population. */
    static final class Size {
        @Option(names = "--accounts", required = true, paramLabel = "N",
                description = "number of accounts (each with 1-3 sub-accounts, about 1.55 on average)")
        Integer accounts;

        @Option(names = "--subaccounts", required = true, paramLabel = "M",
                description = "number of sub-accounts, exactly (instead of --accounts)")
        Integer subaccounts;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Size size;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "the random seed (a 64-bit integer)")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "BOOK.json", description = "the book to write (replaced)")
    Path out;

    @Option(names = "--markets", split = ",", paramLabel = "MARKET",
            description = "only these markets (default: all of BTC-PERP,ETH-PERP,SOL-PERP,XRP-PERP,DOGE-PERP,"
                    + "LINK-PERP,AVAX-PERP,ENA-PERP,AAVE-PERP,DOT-PERP)")
    List<String> markets;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "calibrated",
            description = "calibrated (default); usdc-only (USDC collateral only, no borrows, as Hyperliquid); "
                    + "stressed (leverage x3, not calibrated: many accounts near their limits)")
    String profile;

    @Option(names = "--compact", description = "write the book on one line (three fifths of the size)")
    boolean compact;

    @Spec
    CommandSpec spec;

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() {
        PopulationParameters parameters = parameters();
        if (Files.isDirectory(out)) {
            throw bad("--out: " + out + " is a directory; expected a book file");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw bad("--out: " + io.solvent.engine.input.Folders.whyNotAFolder(parent));
        }
        PopulationGenerator generator = new PopulationGenerator(parameters);
        PopulationSummary summary = new PopulationSummary(generator.universe());
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null && System.console().isTerminal();
        Iterator<Account> source = generator.accounts();
        Iterator<Account> counted = new Iterator<>() {
            private long nextReport = System.nanoTime() + 1_000_000_000L;

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Account next() {
                Account a = source.next();
                summary.accept(a);
                if (terminal && (summary.accounts() & 0x3FFF) == 0 && System.nanoTime() >= nextReport) {
                    nextReport = System.nanoTime() + 1_000_000_000L;
                    err.printf(Locale.ROOT, "\rgenerated %,d accounts, %,d sub-accounts", summary.accounts(),
                            summary.subaccounts());
                    err.flush();
                }
                return a;
            }
        };
        BookWriter.write(generator.universe(), counted, out, !compact);
        if (terminal) {
            err.print("\r");
        }
        err.printf(Locale.ROOT, "%s: %,d accounts, %,d sub-accounts (%.1f %% isolated), %,d positions (%.1f %% long),"
                        + " %,d balances (%.1f %% of sub-accounts borrow); leverage p50 %.2fx p90 %.2fx p99 %.2fx"
                        + " max %.1fx; equity %,.0f USD, notional %,.0f USD%n",
                out, summary.accounts(), summary.subaccounts(), 100 * summary.isolatedShare(), summary.positions(),
                100 * summary.longShare(), summary.balances(), 100 * summary.borrowerShare(),
                summary.leverageQuantile(0.5), summary.leverageQuantile(0.9), summary.leverageQuantile(0.99),
                summary.maxLeverage(), summary.totalEquity(), summary.totalNotional());
        err.flush();
        return ExitCodes.OK;
    }

    private PopulationParameters parameters() {
        int accounts = size.accounts == null ? 0 : size.accounts;
        int subaccounts = size.subaccounts == null ? 0 : size.subaccounts;
        String option = size.accounts != null ? "--accounts" : "--subaccounts";
        int n = Math.max(accounts, subaccounts);
        if (n <= 0 || n > PopulationParameters.MAX_SIZE) {
            throw bad(option + ": expected 1 to " + PopulationParameters.MAX_SIZE + ", was "
                    + (size.accounts != null ? size.accounts : size.subaccounts));
        }
        PopulationProfile p;
        try {
            p = PopulationProfile.ofCliName(profile);
        } catch (IllegalArgumentException e) {
            throw bad("--profile: " + e.getMessage());
        }
        List<String> chosen = markets == null ? PopulationUniverse.standardMarketSymbols()
                : markets.stream().map(String::trim).toList();
        try {
            return new PopulationParameters(accounts, subaccounts, seed, chosen, p);
        } catch (IllegalArgumentException e) {
            throw bad("--markets: " + e.getMessage());
        }
    }
}
