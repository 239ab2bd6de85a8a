package io.solvent.engine.population;

import io.solvent.engine.io.BookWriter;
import io.solvent.engine.model.Account;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large population streams to its file in bounded memory: the heap retained while writing (measured after a full
 * collection at checkpoints) does not grow with the number of accounts written. Figures are printed; timings are not
 * asserted.
 */
class PopulationStreamingMemoryTest {
    private static final int ACCOUNTS = 200_000;
    private static final int CHECKPOINTS = 5;

    @Test
    void twoHundredThousandAccountsStreamInBoundedMemory() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        PopulationGenerator g = new PopulationGenerator(PopulationParameters.ofAccounts(ACCOUNTS, 1));
        Iterator<Account> source = g.accounts();
        List<Long> samples = new ArrayList<>();
        long[] bytes = new long[1];
        Iterator<Account> sampled = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Account next() {
                if (++n % (ACCOUNTS / CHECKPOINTS) == 0) {
                    samples.add(retained(memory));
                }
                return source.next();
            }
        };
        OutputStream discard = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        BookWriter.write(g.universe(), sampled, discard, true);
        assertEquals(CHECKPOINTS, samples.size());
        long growth = samples.getLast() - samples.getFirst();
        System.out.printf("population streaming: %,d accounts, %,d bytes; retained heap at checkpoints %s B, "
                + "growth %,d B%n", ACCOUNTS, bytes[0], samples, growth);
        // a list of 160,000 accounts alone would retain well over 100 MB
        assertTrue(growth < 8 << 20, "retained heap grew by " + growth + " B");
    }

    private static long retained(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
