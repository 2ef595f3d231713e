package dev.passerelle.server.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.passerelle.server.api.WireFormat;
import dev.passerelle.server.openapi.WireVocabularies.Vocabulary;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.NonNull;

/**
 * How swagger-core sees our views, so that the document says what the wire carries. swagger-core
 * introspects with Jackson 2 and cannot see the server's Jackson 3 settings; this resolver repeats
 * them: snake-case property names ({@code spring.jackson.property-naming-strategy}), instants as
 * {@code YYYY-MM-DD HH:MM:SS} ({@link WireFormat}), durations as ISO-8601 strings, and the
 * protocol's vocabularies as named enums ({@link WireVocabularies}).
 *
 * <p>Nullability comes from the Java types of a record view: Jackson writes every component, so each
 * is required, except those {@code @JsonInclude(NON_NULL)} leaves out when null; a primitive is never
 * null, a reference may be unless its type is JSpecify {@code @NonNull}.
 */
final class WireModels extends ModelResolver {

    /** {@link WireFormat#DATE_TIME_PATTERN} as a regular expression. */
    static final String DATE_TIME_REGEX = "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$";

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    WireModels() {
        super(Json31.mapper().copy().setPropertyNamingStrategy(SNAKE_CASE));
        openapi31(true);
    }

    @Override
    public Schema resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType type = _mapper.constructType(annotated.getType());
        Class<?> raw = type.getRawClass();
        if (raw == Instant.class) {
            return named("DateTime", context, () -> new JsonSchema().typesItem("string").pattern(DATE_TIME_REGEX)
                    .examples(List.of("2026-01-15 09:30:00"))
                    .description("A date and time in the server's time zone (passerelle.time-zone): YYYY-MM-DD HH:MM:SS."));
        }
        if (raw == Duration.class) {
            return named("Duration", context, () -> new JsonSchema().typesItem("string").examples(List.of("P1DT2H"))
                    .description("An ISO-8601 duration."));
        }
        var vocabulary = WireVocabularies.of(raw);
        if (vocabulary.isPresent()) {
            Vocabulary words = vocabulary.get();
            return named(words.name(), context, () -> {
                JsonSchema schema = new JsonSchema();
                schema.typesItem("string").description(words.description());
                schema.setEnum(new ArrayList<>(words.words()));
                return schema;
            });
        }
        Schema<?> schema = super.resolve(annotated, context, chain);
        if (raw.isRecord() && schema != null) {
            Schema<?> model = schema.get$ref() == null ? schema
                    : context.getDefinedModels().get(schema.get$ref().substring(Components.COMPONENTS_SCHEMAS_REF.length()));
            if (model != null && model.getProperties() != null) {
                markNullability(raw, model);
            }
        }
        return schema;
    }

    /** A reference to the component {@code name}, defined by {@code schema} the first time. */
    private static Schema<?> named(String name, ModelConverterContext context, Supplier<Schema<?>> schema) {
        if (!context.getDefinedModels().containsKey(name)) {
            context.defineModel(name, schema.get());
        }
        return new JsonSchema().$ref(Components.COMPONENTS_SCHEMAS_REF + name);
    }

    private static void markNullability(Class<?> record, Schema<?> model) {
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = wireName(component);
            Schema<?> property = properties.get(name);
            if (property == null || omittedWhenNull(component)) {
                continue; // hidden, unwrapped, an any-getter, or left out when null
            }
            if (model.getRequired() == null || !model.getRequired().contains(name)) {
                model.addRequiredItem(name);
            }
            if (!component.getType().isPrimitive() && !component.getAnnotatedType().isAnnotationPresent(NonNull.class)) {
                properties.put(name, orNull(property));
            }
        }
    }

    private static String wireName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : SNAKE_CASE.translate(component.getName());
    }

    private static boolean omittedWhenNull(RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.ALWAYS && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    /** The property's schema that also admits {@code null}: a type more, or a reference in an {@code anyOf}. */
    private static Schema<?> orNull(Schema<?> property) {
        if (property.get$ref() != null) {
            Schema<?> reference = new JsonSchema().$ref(property.get$ref());
            return new JsonSchema().anyOf(List.of(reference, new JsonSchema().typesItem("null")))
                    .description(property.getDescription()).examples(property.getExamples());
        }
        if (property.getTypes() != null) {
            Set<String> types = new LinkedHashSet<>(property.getTypes());
            types.add("null");
            property.setTypes(types);
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> words = new ArrayList<>(property.getEnum());
            words.add(null);
            ((Schema<Object>) property).setEnum(words);
        }
        return property;
    }
}
