package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.TransferReason;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code stateHash} of a run: SHA-256 over the engine's final state in index order — every asset price, every
 * balance and position size of every sub-account, every fund balance, and the ledger's entry count and totals per
 * reason — as the exact bits of each double. The same inputs give the same hash on any machine; any difference in
 * any figure changes it.
 */
public final class StateHasher {
    private StateHasher() {
    }

    /**
     * @param book   the hot state
     * @param funds  the insurance funds
     * @param ledger the ledger
     * @return 64 lowercase hex digits
     */
    public static String hash(MarginBook book, InsuranceFunds funds, Ledger ledger) {
        MessageDigest sha = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8);
        for (int a = 0; a < book.assets().size(); a++) {
            put(sha, buf, book.assets().price(a));
        }
        SubAccountTable subs = book.subAccounts();
        for (int s = 0; s < subs.size(); s++) {
            for (int b = subs.balanceStart(s); b < subs.balanceStart(s + 1); b++) {
                put(sha, buf, subs.balanceUnits(b));
            }
            for (int p = subs.positionStart(s); p < subs.positionStart(s + 1); p++) {
                put(sha, buf, subs.positionSize(p));
            }
        }
        for (int f = 0; f < funds.size(); f++) {
            put(sha, buf, funds.fund(f).balance());
        }
        buf.clear();
        sha.update(buf.putLong(ledger.entries()).array());
        for (TransferReason r : TransferReason.values()) {
            put(sha, buf, ledger.total(r));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void put(MessageDigest sha, ByteBuffer buf, double v) {
        buf.clear();
        sha.update(buf.putLong(Double.doubleToLongBits(v == 0 ? 0.0 : v)).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
