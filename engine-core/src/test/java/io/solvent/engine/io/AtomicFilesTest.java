package io.solvent.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    /** The id of a process that has ended (started and waited for here). */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertFalse(ProcessHandle.of(pid).isPresent(), "the process ended");
        return pid;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void temporaryFilesAreNamedAfterTheTargetAndTheProcessAndRemovedWhenTheWriteFails() throws Exception {
        Path target = dir.resolve("book.json");
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicFiles.replace(target, tmp -> {
            seen.set(tmp.getFileName().toString());
            Files.writeString(tmp, "new");
        });
        String pid = Long.toString(ProcessHandle.current().pid());
        assertTrue(seen.get().matches("\\.book\\.json\\." + pid + "\\.\\d+\\.tmp"), seen.get());
        assertTrue(AtomicFiles.isTemporary(seen.get()));
        assertEquals("new", Files.readString(target));

        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("new", Files.readString(target), "the old file stands");
        assertEquals(List.of("book.json"), names(), "no temporary file left");
    }

    @Test
    void filesGetTheUmaskPermissionsUnlessPrivate() throws Exception {
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        Set<PosixFilePermission> umask = Files.getPosixFilePermissions(ordinary);
        Path shared = dir.resolve("shared.json");
        AtomicFiles.write(shared, out -> out.write('1'), AtomicFiles.Option.FORCE);
        assertEquals(umask, Files.getPosixFilePermissions(shared));
        Path secret = dir.resolve("settings.json");
        AtomicFiles.write(secret, out -> out.write('1'), AtomicFiles.Option.PRIVATE);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
    }

    @Test
    void createsParentsOnlyWhenAsked() throws Exception {
        Path deep = dir.resolve("a/b/c.json");
        assertThrows(IOException.class, () -> AtomicFiles.write(deep, out -> out.write('1')));
        AtomicFiles.write(deep, out -> out.write('1'), AtomicFiles.Option.CREATE_PARENTS);
        assertEquals("1", Files.readString(deep));
    }

    @Test
    void aLibraryClosingTheStreamDoesNotBreakTheForcedWrite() throws Exception {
        Path target = dir.resolve("w.json");
        AtomicFiles.write(target, out -> {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.close(); // as Jackson's ObjectMapper.writeValue(OutputStream, ...) does
        }, AtomicFiles.Option.FORCE);
        assertEquals("{}", Files.readString(target));
    }

    @Test
    void theNextWriteOfATargetRemovesTheTemporaryFilesOfDeadProcessesOnly() throws Exception {
        long dead = deadPid();
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Files.writeString(dir.resolve(".book.json." + dead + ".1.tmp"), "killed");
        Files.writeString(dir.resolve(".book.json." + dead + ".2.tmp"), "killed");
        Files.writeString(dir.resolve(".book.json." + self + ".999999.tmp"), "mine, being written");
        Files.writeString(dir.resolve(".book.json." + parent + ".1.tmp"), "a live process's");
        Files.writeString(dir.resolve(".other.json." + dead + ".1.tmp"), "another target's");
        Files.writeString(dir.resolve(".book.json.tmp"), "not ours");

        AtomicFiles.write(dir.resolve("book.json"), out -> out.write('1'));

        assertEquals(List.of(".book.json." + parent + ".1.tmp", ".book.json." + self + ".999999.tmp",
                        ".book.json.tmp", ".other.json." + dead + ".1.tmp", "book.json").stream().sorted().toList(),
                names());
        assertEquals(1, AtomicFiles.removeStale(dir, null), "all targets: the other target's stale file");
    }

    @Test
    void nothingIsRemovedWhileAFolderCommitIsPending() throws Exception {
        long dead = deadPid();
        Path tmp = Files.writeString(dir.resolve(".events.csv." + dead + ".1.tmp"), "new run");
        Files.writeString(dir.resolve(FolderCommit.RECORD), "solvent-commit 1\n" + tmp.getFileName()
                + "\tevents.csv\n");
        assertEquals(0, AtomicFiles.removeStale(dir, null));
        assertTrue(Files.exists(tmp));
    }
}
