package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** Parses a JSON file strictly (no duplicate keys, no trailing content, no NaN) into a tree. */
final class JsonInput {
    /** The largest JSON file read, in bytes: a book of a million sub-accounts is about 300 MB. */
    static final long MAX_BYTES = 1L << 30;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonErrors.boundedFactory(MAX_BYTES))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {
    }

    /** Reads subtrees of a document streamed with {@link #parser}: no check for content after each one. */
    static final ObjectReader SUBTREES = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static JsonNode read(Path file) {
        return withFile(file, JsonInput::read);
    }

    /**
     * Opens a file for a reader, turning a missing file, a directory or a read error into the errors every JSON input
     * reports.
     */
    static <T> T withFile(Path file, BiFunction<String, InputStream, T> reader) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, "", "is a directory; expected a JSON file", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return reader.apply(source, in);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file", e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    static JsonNode read(String source, InputStream in) {
        JsonParser parser = null;
        try (JsonParser p = MAPPER.createParser(in)) {
            parser = p;
            JsonNode root = MAPPER.readTree(p);
            if (root == null || root.isMissingNode()) {
                throw empty(source);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw invalid(source, e, parser);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** @return a parser with the strict features of {@link #read(String, InputStream)} */
    static JsonParser parser(InputStream in) throws IOException {
        return MAPPER.createParser(in);
    }

    static InputException empty(String source) {
        return new InputException(source, "", "is empty; expected a JSON document", null);
    }

    /** @return the error {@link #read(String, InputStream)} reports for a syntax error */
    static InputException invalid(String source, JsonProcessingException e) {
        return invalid(source, e, null);
    }

    /** @return the error for a syntax error or exceeded limit, placed where {@code parser} stood when it has none */
    static InputException invalid(String source, JsonProcessingException e, JsonParser parser) {
        String problem = JsonErrors.problem(e);
        if (!(e instanceof StreamConstraintsException) && !problem.startsWith("invalid JSON: ")) {
            problem = "invalid JSON: " + problem;
        }
        return new InputException(source, JsonErrors.place(e, parser), problem, e);
    }

    /**
     * After a streamed document's root value: fails as {@link #read(String, InputStream)} does when anything follows
     * it.
     */
    static void requireEnd(JsonParser parser) throws IOException {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw MismatchedInputException.from(parser, JsonNode.class, String.format(
                    "Trailing token (of type %s) found after value (bound as %s): not allowed as per"
                            + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
                    trailing, ClassUtil.nameOf(JsonNode.class)));
        }
    }
}
