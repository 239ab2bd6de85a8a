package io.solvent.app.view;

import io.solvent.app.service.AtomicWrite;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the console writes for the operator to keep: a view as PNG, a table as CSV — atomically. */
public final class Exports {
    private Exports() {
    }

    /**
     * @param img a snapshot
     * @param out the PNG
     * @throws IOException when it cannot be written
     */
    public static void png(WritableImage img, Path out) throws IOException {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        AtomicWrite.write(out, o -> ImageIO.write(b, "png", o));
    }

    /**
     * Writes a table as it is shown: its leaf columns' headers (a nested column's header is {@code parent / child})
     * and every row's cells as the table renders them, RFC 4180 quoting.
     *
     * @param table the table
     * @param out   the CSV
     * @return rows written
     * @throws IOException when it cannot be written
     */
    public static int csv(TableView<?> table, Path out) throws IOException {
        List<TableColumn<?, ?>> leaves = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            leaves(c, "", leaves, headers);
        }
        int n = table.getItems().size();
        AtomicWrite.write(out, o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            w.write(String.join(",", headers.stream().map(Exports::quote).toList()));
            w.write("\r\n");
            for (int i = 0; i < n; i++) {
                List<String> cells = new ArrayList<>(leaves.size());
                for (TableColumn<?, ?> c : leaves) {
                    Object v = c.getCellData(i);
                    cells.add(quote(v == null ? "" : v.toString()));
                }
                w.write(String.join(",", cells));
                w.write("\r\n");
            }
            w.flush();
        });
        return n;
    }

    private static void leaves(TableColumn<?, ?> c, String prefix, List<TableColumn<?, ?>> out, List<String> names) {
        String name = prefix.isEmpty() ? c.getText() : prefix + " / " + c.getText();
        if (c.getColumns().isEmpty()) {
            out.add(c);
            names.add(name);
        } else {
            for (TableColumn<?, ?> k : c.getColumns()) {
                leaves(k, name, out, names);
            }
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
