package io.colimaservices.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.domain.backup.BackupMode;
import io.colimaservices.domain.backup.ManifestFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json}, format 1 (docs/design.md, "Backups", shows one). Written by hand from a tree so the field
 * names are the format, not a class's; read strictly: a missing field is an error naming it and the file.
 */
public final class JsonManifestFormat implements ManifestFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public byte[] write(BackupManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", m.format());
        root.put("id", m.id());
        root.put("appVersion", m.appVersion());
        root.put("project", m.project());
        root.put("started", m.started().toString());
        root.put("ended", m.ended().toString());
        root.put("compression", m.compression());
        if (m.encryption().isPresent()) {
            ObjectNode encryption = root.putObject("encryption");
            encryption.put("scheme", m.encryption().get().scheme());
            encryption.put("keyFingerprint", m.encryption().get().keyFingerprint());
        } else {
            root.putNull("encryption");
        }
        ArrayNode services = root.putArray("services");
        for (BackupManifest.ServiceEntry s : m.services()) {
            ObjectNode node = services.addObject();
            node.put("service", s.service());
            node.put("mode", s.mode().word());
            node.put("file", s.file());
            node.put("image", s.image());
            node.put("imageId", s.imageId());
            optional(node, "imageDigest", s.imageDigest());
            optional(node, "definitionHash", s.definitionHash());
            ArrayNode volumes = node.putArray("volumes");
            s.volumes().forEach(volumes::add);
            node.put("started", s.started().toString());
            node.put("ended", s.ended().toString());
            node.put("streamBytes", s.streamBytes());
            node.put("fileBytes", s.fileBytes());
            node.put("sha256", s.sha256());
            optional(node, "unsealShareSet", s.shareSet());
        }
        ArrayNode verifies = root.putArray("deepVerifies");
        for (BackupManifest.DeepVerify v : m.verifies()) {
            ObjectNode node = verifies.addObject();
            node.put("at", v.at().toString());
            node.put("passed", v.passed());
            ArrayNode checks = node.putArray("services");
            for (BackupManifest.ServiceCheck c : v.services()) {
                ObjectNode check = checks.addObject();
                check.put("service", c.service());
                check.put("passed", c.passed());
                check.put("message", c.message());
            }
        }
        try {
            return (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    private static void optional(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) {
            node.put(name, value.get());
        } else {
            node.putNull(name);
        }
    }

    @Override
    public BackupManifest read(byte[] json, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.BACKUP, where + ": not a manifest (invalid JSON)");
        }
        Reader r = new Reader(where);
        int format = r.integer(root, "format");
        if (format != BackupManifest.FORMAT) {
            throw new UserError(UserError.Kind.BACKUP, where + ": manifest format " + format
                    + " is not one this app reads (" + BackupManifest.FORMAT + ")", "a newer app wrote it");
        }
        Optional<BackupManifest.Encryption> encryption = Optional.empty();
        JsonNode enc = root.get("encryption");
        if (enc != null && !enc.isNull()) {
            encryption = Optional.of(new BackupManifest.Encryption(r.text(enc, "scheme"), r.text(enc, "keyFingerprint")));
        }
        List<BackupManifest.ServiceEntry> services = new ArrayList<>();
        for (JsonNode s : r.array(root, "services")) {
            List<String> volumes = new ArrayList<>();
            r.array(s, "volumes").forEach(v -> volumes.add(v.asText()));
            services.add(new BackupManifest.ServiceEntry(r.text(s, "service"), mode(r.text(s, "mode"), where),
                    r.text(s, "file"), r.text(s, "image"), r.text(s, "imageId"), optional(s, "imageDigest"),
                    optional(s, "definitionHash"), volumes, r.instant(s, "started"), r.instant(s, "ended"),
                    r.number(s, "streamBytes"), r.number(s, "fileBytes"), r.text(s, "sha256"),
                    optional(s, "unsealShareSet")));
        }
        List<BackupManifest.DeepVerify> verifies = new ArrayList<>();
        JsonNode deep = root.get("deepVerifies");
        if (deep != null && deep.isArray()) {
            for (JsonNode v : deep) {
                List<BackupManifest.ServiceCheck> checks = new ArrayList<>();
                for (JsonNode c : r.array(v, "services")) {
                    checks.add(new BackupManifest.ServiceCheck(r.text(c, "service"), c.path("passed").asBoolean(),
                            c.path("message").asText("")));
                }
                verifies.add(new BackupManifest.DeepVerify(r.instant(v, "at"), v.path("passed").asBoolean(), checks));
            }
        }
        return new BackupManifest(format, r.text(root, "id"), r.text(root, "appVersion"), r.text(root, "project"),
                r.instant(root, "started"), r.instant(root, "ended"), r.text(root, "compression"), encryption,
                services, verifies);
    }

    private static BackupMode mode(String word, String where) {
        try {
            return BackupMode.fromWord(word);
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.Kind.BACKUP, where + ": " + e.getMessage());
        }
    }

    private static Optional<String> optional(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Strict field access: a missing or mistyped field names itself and the file. */
    private record Reader(String where) {
        String text(JsonNode node, String name) {
            JsonNode value = node == null ? null : node.get(name);
            if (value == null || !value.isTextual()) {
                throw missing(name, "text");
            }
            return value.asText();
        }

        int integer(JsonNode node, String name) {
            JsonNode value = node == null ? null : node.get(name);
            if (value == null || !value.canConvertToInt()) {
                throw missing(name, "a whole number");
            }
            return value.asInt();
        }

        long number(JsonNode node, String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.canConvertToLong()) {
                throw missing(name, "a whole number");
            }
            return value.asLong();
        }

        Instant instant(JsonNode node, String name) {
            try {
                return Instant.parse(text(node, name));
            } catch (java.time.format.DateTimeParseException e) {
                throw missing(name, "a time (ISO-8601)");
            }
        }

        JsonNode array(JsonNode node, String name) {
            JsonNode value = node == null ? null : node.get(name);
            if (value == null || !value.isArray()) {
                throw missing(name, "a list");
            }
            return value;
        }

        UserError missing(String name, String what) {
            return new UserError(UserError.Kind.BACKUP, where + ": '" + name + "' must be " + what);
        }
    }
}
