package io.maestro.conductor.devkit.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one manifest document, YAML or JSON, into a tree. Manifests come from partners, so reading costs bounded
 * time and memory whatever the input: at most {@value #MAX_BYTES} bytes (checked before anything is read), nesting at
 * most {@value #MAX_DEPTH} deep, no YAML aliases (refused, never expanded: no alias bomb), no duplicate keys, one
 * document only. Errors name a line and column, never the document's text.
 */
public final class ManifestReader {

    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_DEPTH = 32;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxDocumentLength(MAX_BYTES)
            .maxNestingDepth(MAX_DEPTH + 1)
            .maxStringLength(MAX_BYTES)
            .maxNumberLength(64)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private ManifestReader() {}

    public static JsonNode read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw tooLarge();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in.readNBytes(MAX_BYTES + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest file", e);
        }
    }

    public static JsonNode read(byte[] document) {
        if (document.length > MAX_BYTES) {
            throw tooLarge();
        }
        boolean json = firstNonBlank(document) == '{';
        ObjectMapper mapper = json ? JSON : YAML;
        try (JsonParser parser = new Bounded(mapper.createParser(document))) {
            JsonNode tree = mapper.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new DevkitException(DevkitErrorCode.MANIFEST_UNREADABLE, "the manifest is empty");
            }
            if (parser.nextToken() != null) {
                throw new DevkitException(
                        DevkitErrorCode.MANIFEST_UNREADABLE, "the manifest must be exactly one document");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw unreadable(json, e.getLocation());
        } catch (IOException e) {
            throw new DevkitException(DevkitErrorCode.MANIFEST_UNREADABLE, "the manifest cannot be read");
        } catch (RuntimeException e) {
            if (e instanceof DevkitException manifest) {
                throw manifest;
            }
            // SnakeYAML reports some malformed input (bad escapes, control characters) as its own runtime errors
            throw unreadable(json, null);
        }
    }

    private static DevkitException unreadable(boolean json, JsonLocation at) {
        String where =
                at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new DevkitException(
                DevkitErrorCode.MANIFEST_UNREADABLE,
                "the manifest is not well-formed " + (json ? "JSON" : "YAML") + where);
    }

    private static DevkitException tooLarge() {
        return new DevkitException(
                DevkitErrorCode.MANIFEST_TOO_LARGE, "the manifest is larger than " + MAX_BYTES + " bytes");
    }

    private static int firstNonBlank(byte[] document) {
        for (byte b : document) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** Refuses aliases and nesting deeper than {@link #MAX_DEPTH} as the tokens go by, before any tree grows. */
    private static final class Bounded extends JsonParserDelegate {

        private int depth;

        Bounded(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (delegate instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new DevkitException(
                        DevkitErrorCode.MANIFEST_ALIAS_REFUSED,
                        "YAML aliases are not allowed in a manifest (line "
                                + yaml.currentLocation().getLineNr() + ")");
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                if (++depth > MAX_DEPTH) {
                    throw new DevkitException(
                            DevkitErrorCode.MANIFEST_TOO_DEEP, "the manifest is nested deeper than " + MAX_DEPTH);
                }
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
                throw new DevkitException(
                        DevkitErrorCode.MANIFEST_INVALID, "binary or tagged values are not allowed in a manifest");
            }
            return token;
        }

        /** Through {@link #nextToken} (the delegate's own would skip the checks). */
        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }
    }
}
