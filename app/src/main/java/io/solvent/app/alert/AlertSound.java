package io.solvent.app.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * A short tone for an alert, synthesised (no sound file): one 660 Hz beep of 120 ms for a warning, two 880 Hz beeps
 * for a critical alert, 16-bit mono at 44.1 kHz with 8 ms fades. Played on a thread of its own, never on the FX thread,
 * at most once per {@link #MIN_INTERVAL_NANOS}. Where there is no audio device, playing fails quietly: logged once,
 * then not tried again.
 */
public final class AlertSound implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertSound.class);
    /** Sample rate, Hz. */
    public static final float RATE_HZ = 44_100f;
    /** The shortest time between two tones, ns. */
    public static final long MIN_INTERVAL_NANOS = 1_000_000_000L;
    static final AudioFormat FORMAT = new AudioFormat(RATE_HZ, 16, 1, true, false);

    /** Opens an output line (the system's; a fake one in tests). */
    interface LineOpener {
        SourceDataLine open(AudioFormat format) throws Exception;
    }

    private final LineOpener opener;
    private final LongSupplier nanos;
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "solvent-alert-sound");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean unavailable;
    private volatile boolean logged;
    private long lastNanos = Long.MIN_VALUE;
    private volatile int played;

    /** The system's default output. */
    public AlertSound() {
        this(format -> AudioSystem.getSourceDataLine(format), System::nanoTime);
    }

    AlertSound(LineOpener opener, LongSupplier nanos) {
        this.opener = opener;
        this.nanos = nanos;
    }

    /**
     * Plays the tone for a severity, on the sound thread; returns at once and never throws.
     *
     * @param severity how urgent
     * @return whether a tone was started (false: too soon after the last, no device, or closed)
     */
    public boolean play(AlertSeverity severity) {
        if (unavailable) {
            return false;
        }
        long now = nanos.getAsLong();
        if (lastNanos != Long.MIN_VALUE && now - lastNanos < MIN_INTERVAL_NANOS) {
            return false;
        }
        lastNanos = now;
        byte[] pcm = tone(severity);
        try {
            player.execute(() -> write(pcm));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void write(byte[] pcm) {
        try {
            SourceDataLine line = opener.open(FORMAT);
            try {
                line.open(FORMAT, pcm.length);
                line.start();
                line.write(pcm, 0, pcm.length);
                line.drain();
            } finally {
                line.close();
            }
            played++;
        } catch (Throwable t) { // no device, a busy one, a headless system: quiet
            unavailable = true;
            if (!logged) {
                logged = true;
                LOG.warn("alert sounds are off: no audio output ({})", t.toString());
            }
        }
    }

    /**
     * @param severity how urgent
     * @return the tone's samples, 16-bit little-endian signed mono at {@link #RATE_HZ}
     */
    static byte[] tone(AlertSeverity severity) {
        double hz = severity == AlertSeverity.CRITICAL ? 880 : severity == AlertSeverity.WARNING ? 660 : 520;
        int beeps = severity == AlertSeverity.CRITICAL ? 2 : 1;
        int beep = (int) (RATE_HZ * 0.12);
        int gap = (int) (RATE_HZ * 0.08);
        int fade = (int) (RATE_HZ * 0.008);
        int n = beeps * beep + (beeps - 1) * gap;
        byte[] out = new byte[2 * n];
        for (int b = 0; b < beeps; b++) {
            int start = b * (beep + gap);
            for (int i = 0; i < beep; i++) {
                double env = Math.min(1, Math.min(i, beep - 1 - i) / (double) fade);
                short s = (short) Math.round(0.35 * Short.MAX_VALUE * env * Math.sin(2 * Math.PI * hz * i / RATE_HZ));
                out[2 * (start + i)] = (byte) s;
                out[2 * (start + i) + 1] = (byte) (s >> 8);
            }
        }
        return out;
    }

    /** @return whether playing failed (no device), so no tone is tried any more */
    public boolean unavailable() {
        return unavailable;
    }

    /** @return tones played to the end so far */
    public int played() {
        return played;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
