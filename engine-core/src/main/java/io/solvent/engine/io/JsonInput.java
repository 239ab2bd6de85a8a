package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Parses a JSON file strictly (no duplicate keys, no trailing content, no NaN) into a tree. */
final class JsonInput {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {
    }

    static JsonNode read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, "", "is a directory; expected a JSON file", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(source, in);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file", e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    static JsonNode read(String source, InputStream in) {
        try (JsonParser parser = MAPPER.createParser(in)) {
            JsonNode root = MAPPER.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new InputException(source, "", "is empty; expected a JSON document", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InputException(source, place, "invalid JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Jackson's message without its advice to developers (which feature to enable). */
    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        int advice = line.indexOf(": enable `");
        if (advice >= 0) {
            line = line.substring(0, advice) + "; expected a finite number";
        }
        return line;
    }
}
