package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one run written into a folder together, so that the folder holds all of the old run's files or all of
 * the new one's, never some of each, whenever the process is killed (decision record 0011).
 *
 * <p>Each file is written under a temporary name ({@code .NAME.PID.N.tmp}, see {@link AtomicFiles}) in the folder.
 * {@link #commit} forces them to the device, then writes the commit record {@value #RECORD} — the list of renames to
 * do — atomically, then renames every file into place and removes the record. A kill before the record exists leaves
 * the old files (and temporary files, removed by the next writer); a kill after it leaves a record that
 * {@link #recover} completes: every writer ({@link #begin}) and every reader of a run folder calls it first, so
 * nothing ever reads a half-renamed folder.
 *
 * <p>Files of the folder this run does not write (an {@code audit.jsonl}, a stress run's {@code reverse.json}) are
 * left as they are.
 */
public final class FolderCommit implements AutoCloseable {
    /** The commit record's file name in the folder. */
    public static final String RECORD = ".solvent-commit";
    private static final String HEADER = "solvent-commit 1";

    private final Path dir;
    private final Map<String, Path> staged = new LinkedHashMap<>();
    private boolean committed;

    private FolderCommit(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts writing a run into a folder: creates it when missing, completes a commit a killed process left, and
     * removes the temporary files of processes that no longer run.
     *
     * @param dir the run folder
     * @return the commit, to {@link #stage} or {@link #write} files into
     * @throws IOException when the folder cannot be made or recovered
     */
    public static FolderCommit begin(Path dir) throws IOException {
        Files.createDirectories(dir);
        recover(dir);
        AtomicFiles.removeStale(dir, null);
        return new FolderCommit(dir);
    }

    /**
     * Completes a commit a killed process left in a folder, if any: the renames its record lists that are not done
     * yet are done, then the record is removed.
     *
     * @param dir a run folder
     * @return whether there was a commit to complete
     * @throws IOException when the record is malformed or a rename fails (the record then stays)
     */
    public static boolean recover(Path dir) throws IOException {
        Path record = dir.resolve(RECORD);
        if (!Files.isRegularFile(record)) {
            return false;
        }
        List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new IOException(record + ": line 1: expected \"" + HEADER + "\"; not a commit record of Solvent");
        }
        List<String[]> renames = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] pair = lines.get(i).split("\t", -1);
            if (pair.length != 2 || !AtomicFiles.isTemporary(pair[0]) || !plainName(pair[1])) {
                throw new IOException(record + ": line " + (i + 1) + ": expected TEMPORARY<tab>FILE, two file names");
            }
            renames.add(pair);
        }
        for (String[] r : renames) {
            Path tmp = dir.resolve(r[0]);
            if (Files.exists(tmp)) {
                AtomicFiles.moveIntoPlace(tmp, dir.resolve(r[1]));
            }
        }
        AtomicFiles.forceFolder(dir);
        Files.deleteIfExists(record);
        return true;
    }

    /**
     * @param dir a folder
     * @return whether a commit is under way or was cut short there (its temporary files are then not stale)
     */
    static boolean pending(Path dir) {
        return Files.exists(dir.resolve(RECORD));
    }

    /** @return the run folder */
    public Path dir() {
        return dir;
    }

    /**
     * Creates the temporary file a file of the run is streamed into; it is moved into place by {@link #commit}.
     *
     * @param name the file's name in the folder
     * @return the temporary file, empty
     * @throws IOException when it cannot be created
     */
    public Path stage(String name) throws IOException {
        if (!plainName(name) || staged.containsKey(name) || committed) {
            throw new IllegalArgumentException("cannot stage " + name + " in " + dir);
        }
        Path tmp = AtomicFiles.temporary(dir, name);
        staged.put(name, tmp);
        return tmp;
    }

    /**
     * Writes a whole file of the run under its temporary name.
     *
     * @param name the file's name in the folder
     * @param body writes the content (buffered)
     */
    public void write(String name, AtomicFiles.Body<OutputStream> body) throws IOException {
        AtomicFiles.fill(stage(name), body, false);
    }

    /** {@link #write} for UTF-8 text. */
    public void writeText(String name, AtomicFiles.Body<BufferedWriter> body) throws IOException {
        write(name, AtomicFiles.text(body));
    }

    /** {@link #write} for a JSON document, as {@link AtomicFiles} writes them. */
    void writeJson(String name, AtomicFiles.Body<JsonGenerator> body) throws IOException {
        write(name, AtomicFiles.json(body));
    }

    /**
     * Moves every staged file into place, all or none as seen after a kill: forces them, writes the commit record,
     * renames them, removes the record. Streams into staged files must be closed before.
     *
     * @throws IOException when a file cannot be forced, the record written or a file renamed
     */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed: " + dir);
        }
        StringBuilder record = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, Path> e : staged.entrySet()) {
            try (FileChannel ch = FileChannel.open(e.getValue(), StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            record.append(e.getValue().getFileName()).append('\t').append(e.getKey()).append('\n');
        }
        Path recordFile = dir.resolve(RECORD);
        AtomicFiles.write(recordFile, out -> out.write(record.toString().getBytes(StandardCharsets.UTF_8)),
                AtomicFiles.Option.FORCE);
        committed = true; // from here on the new run is the folder's, whatever happens: recover() completes it
        for (Map.Entry<String, Path> e : staged.entrySet()) {
            try {
                AtomicFiles.moveIntoPlace(e.getValue(), dir.resolve(e.getKey()));
            } catch (NoSuchFileException gone) {
                // another process's recover() moved it already
            }
        }
        AtomicFiles.forceFolder(dir);
        Files.deleteIfExists(recordFile);
    }

    /** Removes the staged files when the run did not commit (it failed): the folder keeps the old run. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            for (Path tmp : staged.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static boolean plainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\t') < 0 && name.indexOf('\n') < 0
                && !name.equals(RECORD);
    }
}
