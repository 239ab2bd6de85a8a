package io.solvent.app.alert;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.SourceDataLine;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthesised tone, its rate limit, and a machine with no audio device. */
class AlertSoundTest {
    /** A line that records what is written to it. */
    static SourceDataLine line(List<byte[]> written) {
        return (SourceDataLine) Proxy.newProxyInstance(AlertSoundTest.class.getClassLoader(),
                new Class<?>[] {SourceDataLine.class}, (p, m, a) -> {
                    if (m.getName().equals("write")) {
                        byte[] b = (byte[]) a[0];
                        synchronized (written) {
                            written.add(java.util.Arrays.copyOfRange(b, (int) a[1], (int) a[1] + (int) a[2]));
                        }
                        return a[2];
                    }
                    Class<?> r = m.getReturnType();
                    if (r == boolean.class) {
                        return Boolean.FALSE;
                    }
                    if (r == int.class) {
                        return Integer.valueOf(0);
                    }
                    if (r == long.class) {
                        return Long.valueOf(0);
                    }
                    if (r == float.class) {
                        return Float.valueOf(0);
                    }
                    return null;
                });
    }

    static void await(BooleanSupplier done) {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertTrue(done.getAsBoolean(), "in time");
    }

    @Test
    void theToneIsShortAndAudible() {
        byte[] warning = AlertSound.tone(AlertSeverity.WARNING);
        byte[] critical = AlertSound.tone(AlertSeverity.CRITICAL);
        assertEquals(2 * Math.round(AlertSound.RATE_HZ * 0.12), warning.length, 2, "120 ms of 16-bit samples");
        assertTrue(critical.length > warning.length, "two beeps");
        int peak = 0;
        for (int i = 0; i < warning.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((warning[i] & 0xff) | (warning[i + 1] << 8))));
        }
        assertTrue(peak > 0.3 * Short.MAX_VALUE && peak <= 0.36 * Short.MAX_VALUE, "35% of full scale: " + peak);
        assertEquals(0, (short) ((warning[0] & 0xff) | (warning[1] << 8)), "faded in from silence");
    }

    @Test
    void tonesAreRateLimited() {
        AtomicLong nanos = new AtomicLong();
        List<byte[]> written = new java.util.ArrayList<>();
        try (AlertSound s = new AlertSound(f -> line(written), nanos::get)) {
            assertTrue(s.play(AlertSeverity.WARNING));
            nanos.addAndGet(500_000_000L);
            assertFalse(s.play(AlertSeverity.WARNING), "within a second of the last");
            nanos.addAndGet(600_000_000L);
            assertTrue(s.play(AlertSeverity.CRITICAL));
            await(() -> s.played() == 2);
        }
    }

    @Test
    void noAudioDeviceFailsQuietlyOnce() {
        AtomicInteger tries = new AtomicInteger();
        AtomicLong nanos = new AtomicLong();
        try (AlertSound s = new AlertSound(f -> {
            tries.incrementAndGet();
            throw new javax.sound.sampled.LineUnavailableException("no mixer");
        }, nanos::get)) {
            assertTrue(s.play(AlertSeverity.CRITICAL));
            await(s::unavailable);
            nanos.addAndGet(5_000_000_000L);
            assertFalse(s.play(AlertSeverity.CRITICAL), "not tried again");
            assertEquals(1, tries.get());
        }
        // the real system's output, whatever this machine has: never throws
        try (AlertSound real = new AlertSound()) {
            assertTrue(real.play(AlertSeverity.WARNING));
            await(() -> real.played() == 1 || real.unavailable());
        }
    }
}
