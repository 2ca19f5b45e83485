package io.maestro.conductor.hub.evidence;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads a multipart/form-data evidence request as a stream, part by part, for files of any size up to the limits:
 * form fields {@code bundleId} (optional), {@code region}, {@code classification}, and one part with a file name
 * per file (the part's file name is the evidence file name, its Content-Type the file's). Each file goes straight
 * into the staging folder, hashed on the way; nothing is held whole in memory or copied to a temporary file first.
 */
public final class EvidenceMultipartParser {

    private static final int MAX_FIELD_BYTES = 1024;
    private static final Set<String> FIELDS = Set.of("bundleId", "region", "classification");

    private final EvidenceSpool spool;
    private final EvidenceProperties properties;

    public EvidenceMultipartParser(EvidenceSpool spool, EvidenceProperties properties) {
        this.spool = spool;
        this.properties = properties;
    }

    public EvidenceBundle parse(String tenant, String environment, HttpServletRequest request) {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setFileSizeMax(properties.maxFileSize().toBytes());
        upload.setSizeMax(properties.maxBundleSize().toBytes());
        EvidenceBundleBuilder bundle = new EvidenceBundleBuilder(tenant, environment, spool, properties.maxFiles());
        String where = "the multipart body";
        try {
            FileItemInputIterator parts = upload.getItemIterator(request);
            Set<String> fieldsSeen = new HashSet<>();
            for (int files = 0; parts.hasNext(); ) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    where = "form field '" + part.getFieldName() + "'";
                    field(bundle, fieldsSeen, part);
                } else {
                    where = "file part " + files;
                    try (InputStream content = part.getInputStream()) {
                        bundle.addFile("files[" + files + "]", fileName(part), part.getContentType(), content);
                    }
                    files++;
                }
            }
            return bundle.build();
        } catch (FileUploadByteCountLimitException e) {
            bundle.discard();
            throw new EvidenceTooLargeException(
                    "file '" + e.getFileName() + "'", EvidenceProperties.MAX_FILE_SIZE, e.getPermitted(), null);
        } catch (FileUploadSizeException e) {
            bundle.discard();
            if (e.getPermitted() != upload.getSizeMax()) {
                // The library's only other size check: a part's header section (its own fixed bound).
                throw new EvidenceRequestException(
                        "the headers of a part are longer than " + e.getPermitted() + " bytes");
            }
            throw new EvidenceTooLargeException(
                    "the multipart request", EvidenceProperties.MAX_BUNDLE_SIZE, e.getPermitted(), null);
        } catch (FileUploadException e) {
            bundle.discard();
            throw new EvidenceRequestException(where + " could not be read as multipart/form-data");
        } catch (IOException e) {
            bundle.discard();
            throw new EvidenceRequestException(where + " ended before it was complete");
        } catch (RuntimeException e) {
            bundle.discard();
            throw e;
        }
    }

    /** The part's file name; null (refused as not a plain name) when it holds a NUL, which the library rejects. */
    private static String fileName(FileItemInput part) {
        try {
            return part.getName();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void field(EvidenceBundleBuilder bundle, Set<String> seen, FileItemInput part) throws IOException {
        String name = part.getFieldName();
        if (!FIELDS.contains(name)) {
            throw new EvidenceRequestException(
                    "unknown form field (expected bundleId, region, classification and " + "file parts)");
        }
        if (!seen.add(name)) {
            throw new EvidenceRequestException("form field '" + name + "' repeats");
        }
        byte[] value;
        try (InputStream in = part.getInputStream()) {
            value = in.readNBytes(MAX_FIELD_BYTES + 1);
        }
        if (value.length > MAX_FIELD_BYTES) {
            throw new EvidenceRequestException(
                    "form field '" + name + "' is longer than " + MAX_FIELD_BYTES + " bytes");
        }
        String text = new String(value, StandardCharsets.UTF_8);
        switch (name) {
            case "bundleId" -> bundle.bundleId(text);
            case "region" -> bundle.region(text);
            default -> bundle.classification(text);
        }
    }
}
