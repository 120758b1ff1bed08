package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bootcj.shell.BootableImage;
import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switch --progress-fd N} and {@code --quiet} through the packaged launcher, pulling a local OCI image. */
class ProgressCliTest {
    @TempDir
    Path tmp;

    @Test
    void progressFdWritesUpstreamsJsonLines() throws Exception {
        SysrootFixture sysroot = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        sysroot.deployTwoImages();
        Path dir = tmp.resolve("image");
        String digest = BootableImage.create(dir, "v3", 3);
        Path json = tmp.resolve("progress.jsonl");
        String cmd = BootcProcess.launcher() + " switch --quiet --transport oci --sysroot " + sysroot.root() + " "
                + dir + ":v3 --progress-fd 3 3>" + json;
        Tools.Result r = Tools.exec(null, SysrootFixture.ENV, List.of("sh", "-c", cmd));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stdout(), "--quiet prints nothing");

        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(json)) {
            events.add(JsonMapper.builder().build().readTree(line));
        }
        assertEquals("{\"type\":\"Start\",\"version\":\"0.1.0\"}", events.getFirst().toString());
        List<JsonNode> bytes = events.stream().filter(e -> e.path("type").asText().equals("ProgressBytes")).toList();
        JsonNode lastBytes = bytes.getLast();
        assertEquals("pulling", lastBytes.path("task").asText());
        assertEquals("Pulling Image: " + digest, lastBytes.path("description").asText());
        assertEquals(2, lastBytes.path("stepsTotal").asInt());
        assertEquals(2, lastBytes.path("steps").asInt());
        assertEquals(lastBytes.path("bytesTotal").asLong(), lastBytes.path("bytes").asLong());
        assertEquals(2, lastBytes.path("subtasks").size());
        for (JsonNode s : lastBytes.path("subtasks")) {
            assertEquals("layer", s.path("subtask").asText());
            assertEquals(21, s.path("id").asText().length());
            assertEquals(s.path("bytesTotal").asLong(), s.path("bytes").asLong());
        }
        JsonNode imported = events.stream().filter(e -> e.path("task").asText().equals("importing")).toList().getLast();
        assertEquals(1, imported.path("steps").asInt());
        assertTrue(imported.path("subtasks").get(0).path("completed").asBoolean());

        JsonNode last = events.getLast();
        assertEquals("staging", last.path("task").asText());
        assertEquals(3, last.path("steps").asInt());
        assertEquals(3, last.path("stepsTotal").asInt());
        List<String> subtasks = new ArrayList<>();
        last.path("subtasks").forEach(s -> subtasks.add(s.path("subtask").asText()));
        // As upstream's own test expects: cleanup twice.
        assertEquals(List.of("merging", "deploying", "bound_images", "cleanup", "cleanup"), subtasks);
        last.path("subtasks").forEach(s -> assertTrue(s.path("completed").asBoolean(), s.toString()));

        Tools.Result status = BootcProcess.run("status", "--sysroot", sysroot.root().toString(), "--format", "json");
        assertTrue(status.stdout().contains("\"imageDigest\":\"" + digest + "\""), status.stdout());
    }

    @Test
    void standardStreamsAreRefusedForProgress() {
        for (String fd : List.of("0", "1", "2")) {
            Tools.Result r = BootcProcess.run("switch", "--progress-fd", fd, "--sysroot", tmp.toString(), "x:y");
            assertEquals(2, r.exitCode());
            assertTrue(r.stderr().startsWith("error: invalid value '" + fd + "' for '--progress-fd <FD>': Cannot use fd "
                    + fd + " for progress JSON\n"), r.stderr());
        }
        Tools.Result upgrade = BootcProcess.run("upgrade", "--progress-fd", "1");
        assertEquals(2, upgrade.exitCode(), upgrade.stderr());
    }
}
