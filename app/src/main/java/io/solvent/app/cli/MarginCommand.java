package io.solvent.app.cli;

import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.MarginReportWriter;
import io.solvent.engine.io.PricesReader;
import io.solvent.engine.margin.MarginReport;
import io.solvent.engine.model.Book;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code solvent margin BOOK.json [--prices PRICES.json]}: every figure of the reference model, as JSON. */
@Command(name = "margin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints every sub-account's margin figures as JSON.",
            "",
            "One document, sub-accounts in book order: equity, health and health factor (initial and",
            "maintenance), free collateral, margin ratio, leverage, liquidatable, the liquidation price of every",
            "asset held or traded, and each position's figures. Figures the model leaves undefined (a health",
            "factor with no liabilities, a liquidation price that does not exist) are null.",
            "Bad input is reported as FILE: PLACE: PROBLEM on standard error, with exit status 2."
        })
public final class MarginCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BOOK.json", description = "the book: assets, markets, accounts, prices")
    Path book;

    @Option(names = "--prices", paramLabel = "PRICES.json",
            description = "prices that override the book's: a JSON object {\"SYMBOL\": price, ...}")
    Path prices;

    @Option(names = "--compact", description = "print the document on one line")
    boolean compact;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Book b = BookReader.read(book);
        if (prices != null) {
            b = PricesReader.applyTo(b, PricesReader.read(prices), prices.toString());
        }
        PricesReader.requireComplete(b, book.toString());
        MarginReport report = MarginReport.of(b);
        // Render fully before printing, so that a failure never leaves half a document on standard output.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        MarginReportWriter.write(report, buffer, !compact);
        PrintWriter out = spec.commandLine().getOut();
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        return ExitCodes.OK;
    }
}
