package io.solvent.app.alert;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notifier's rate: a few popups a second, the rest summed up; tones when a rule asks; failures quiet. */
class AlertNotifierTest {
    private final AtomicLong nanos = new AtomicLong(0);
    private final List<String> popups = new ArrayList<>();

    private static AlertEvent event(long seq, AlertSeverity severity, boolean sound) {
        AlertRule r = new AlertRule("r" + seq, AlertKind.BAD_DEBT, 0, 1, severity, true, sound, 0.1, 0);
        return new AlertEvent(seq, r, "original", Views.T0, 0, 10, "bad debt $10.00");
    }

    private AlertNotifier notifier(AlertSound sound) {
        return new AlertNotifier(new Object(), sound, nanos::get,
                (owner, severity, title, text, dark, onOpen) -> popups.add(severity + " " + title));
    }

    @Test
    void aBurstShowsAFewAndSumsUpTheRest() {
        AlertNotifier n = notifier(null);
        List<AlertEvent> burst = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            burst.add(event(i, i == 10 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING, false));
        }
        n.accept(burst);
        assertEquals(3, popups.size(), popups.toString());
        assertEquals(12, n.pending());
        nanos.addAndGet(300_000_000L);
        n.accept(List.of());
        assertEquals(3, popups.size(), "still within the second");
        nanos.addAndGet(800_000_000L);
        n.accept(List.of());
        assertEquals(4, popups.size());
        assertEquals("CRITICAL +12 more alerts", popups.getLast());
        assertEquals(0, n.pending());
        // later alerts show one by one again
        nanos.addAndGet(2_000_000_000L);
        n.accept(List.of(event(16, AlertSeverity.WARNING, false)));
        assertTrue(popups.getLast().startsWith("WARNING WARNING · Bad debt $10.00"), popups.getLast());
    }

    @Test
    void aThousandAlertsOverTenSecondsMakeAtMostThreePopupsASecond() {
        AlertNotifier n = notifier(null);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int before = popups.size();
            n.accept(List.of(event(i + 1, AlertSeverity.WARNING, false)));
            if (popups.size() > before) {
                times.add(nanos.get());
            }
            nanos.addAndGet(10_000_000L);
        }
        for (int i = 3; i < times.size(); i++) {
            assertTrue(times.get(i) - times.get(i - 3) >= 1_000_000_000L, "at most 3 in any second");
        }
        assertTrue(popups.size() <= 33, "about 3 a second over 10 s: " + popups.size());
    }

    @Test
    void aRuleThatAsksPlaysATone() {
        List<byte[]> written = new ArrayList<>();
        AlertSound sound = new AlertSound(f -> AlertSoundTest.line(written), nanos::get);
        AlertNotifier n = notifier(sound);
        n.accept(List.of(event(1, AlertSeverity.WARNING, false)));
        nanos.addAndGet(2_000_000_000L);
        n.accept(List.of(event(2, AlertSeverity.CRITICAL, true)));
        AlertSoundTest.await(() -> sound.played() == 1);
        sound.close();
        assertEquals(AlertSound.tone(AlertSeverity.CRITICAL).length, written.getFirst().length,
                "one tone: the critical rule's");
    }

    @Test
    void aPopupThatCannotBeShownIsQuiet() {
        AlertNotifier n = new AlertNotifier(new Object(), null, nanos::get, (o, s, t, x, d, r) -> {
            throw new IllegalStateException("no window");
        });
        n.accept(List.of(event(1, AlertSeverity.WARNING, false)));
        assertEquals(0, n.shown());
    }
}
