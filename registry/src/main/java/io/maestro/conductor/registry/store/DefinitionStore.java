package io.maestro.conductor.registry.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.AdapterType;
import io.maestro.conductor.registry.model.RiskPosture;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * SQL access to adapter types and definitions. Definitions are immutable once stored, but for destination marks
 * ({@code x-destination}) added to a stored version's schema.
 */
public final class DefinitionStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final RowMapper<AdapterDefinition> DEFINITION = (rs, n) -> new AdapterDefinition(
            rs.getString("name"),
            rs.getString("version"),
            AdapterCategory.fromId(rs.getString("category")).orElseThrow(),
            rs.getString("owner"),
            rs.getString("description"),
            new RiskPosture(
                    rs.getString("risk_level"), rs.getString("data_sensitivity"), rs.getBoolean("requires_approval")),
            Json.parse(rs.getString("config_schema")),
            Json.MAPPER.convertValue(Json.parse(rs.getString("supported_regions")), STRINGS),
            Json.MAPPER.convertValue(Json.parse(rs.getString("capabilities")), STRINGS));

    private final JdbcTemplate jdbc;

    public DefinitionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AdapterType> adapterTypes() {
        return jdbc.query(
                "SELECT category, description FROM adapter_type ORDER BY category",
                (rs, n) -> new AdapterType(
                        AdapterCategory.fromId(rs.getString("category")).orElseThrow(), rs.getString("description")));
    }

    public List<String> names() {
        return jdbc.queryForList("SELECT DISTINCT name FROM adapter_definition ORDER BY name", String.class);
    }

    public List<AdapterDefinition> findByName(String name) {
        return jdbc.query("SELECT * FROM adapter_definition WHERE name = ?", DEFINITION, name);
    }

    public Optional<AdapterDefinition> find(String name, String version) {
        return jdbc
                .query("SELECT * FROM adapter_definition WHERE name = ? AND version = ?", DEFINITION, name, version)
                .stream()
                .findFirst();
    }

    public void insert(AdapterDefinition d, Instant now) {
        jdbc.update(
                "INSERT INTO adapter_definition (name, version, category, owner, description, risk_level, "
                        + "data_sensitivity, requires_approval, config_schema, supported_regions, capabilities, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.name(),
                d.version(),
                d.category().id(),
                d.owner(),
                d.description(),
                d.risk().riskLevel(),
                d.risk().dataSensitivity(),
                d.risk().requiresApproval(),
                Json.write(d.configSchema()),
                Json.write(d.supportedRegions()),
                Json.write(d.capabilities()),
                Sql.timestamp(now));
    }

    /** Replaces a stored version's config schema: only for annotations that change no config's validity. */
    public void updateConfigSchema(String name, String version, JsonNode configSchema) {
        jdbc.update(
                "UPDATE adapter_definition SET config_schema = ? WHERE name = ? AND version = ?",
                Json.write(configSchema),
                name,
                version);
    }
}
