package io.solvent.engine.io;

import io.solvent.engine.feed.FeedInspection;
import io.solvent.engine.feed.FeedInspection.Gap;
import io.solvent.engine.feed.FeedInspection.PricePoint;
import io.solvent.engine.feed.FeedInspection.Series;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedInspectionWriterTest {

    private static String write(FeedInspection i, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FeedInspectionWriter.write(i, out, pretty);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compactIsTheDocumentOfTheIssue() {
        TreeMap<String, Series> prices = new TreeMap<>();
        prices.put("BTCUSDT", new Series("BTCUSDT", null, 1716, 1584011700000L, 1584072060000L,
                new PricePoint(3621.81, 1584065760000L), new PricePoint(6424.91, 1584012000000L), 60_000,
                List.of(new Gap(1584020220000L, 1584054960000L))));
        String expected = "{\"symbols\": {\"BTCUSDT\": {\"events\": 1716, \"first\": 1584011700000, \"last\": "
                + "1584072060000, \"min\": {\"price\": 3621.81, \"timestamp\": 1584065760000}, \"max\": {\"price\": "
                + "6424.91, \"timestamp\": 1584012000000}, \"gaps\": [{\"from\": 1584020220000, \"to\": "
                + "1584054960000}]}}}\n";
        assertEquals(expected, write(new FeedInspection(prices, new TreeMap<>(), new TreeMap<>()), false));
    }

    @Test
    void depthSectionAssetFieldAndEmptyLists() {
        TreeMap<String, Series> depth = new TreeMap<>();
        depth.put("BTCUSDT", new Series("BTCUSDT", "BTC", 10, 1, 2, null, null, 1, List.of()));
        String json = write(new FeedInspection(new TreeMap<>(), depth, new TreeMap<>()), false);
        assertEquals("{\"symbols\": {}, \"depth\": {\"BTCUSDT\": {\"asset\": \"BTC\", \"events\": 10, \"first\": 1,"
                + " \"last\": 2, \"gaps\": []}}}\n", json);
        String pretty = write(new FeedInspection(new TreeMap<>(), depth, new TreeMap<>()), true);
        assertEquals("""
                {
                  "symbols": {},
                  "depth": {
                    "BTCUSDT": {
                      "asset": "BTC",
                      "events": 10,
                      "first": 1,
                      "last": 2,
                      "gaps": []
                    }
                  }
                }
                """, pretty);
    }
}
