package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.ModelValidationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 15: a timeline whose last instant overflows by a single ms is refused, not wrapped to Long.MIN_VALUE. */
class TimelineTest {
    @Test
    void anEndOneMillisecondPastTheLastLongIsRefused() {
        assertEquals(Long.MAX_VALUE, new Timeline(Long.MAX_VALUE - 1000, 1000, 2).endMs());
        ModelValidationException e = assertThrows(ModelValidationException.class,
                () -> new Timeline(Long.MAX_VALUE - 999, 1000, 2));
        assertEquals("count", e.field());
    }
}
