package dev.passerelle.server.openapi;

import dev.passerelle.connector.PsuContext;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.ErrorEnvelope;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.connections.ConnectionExpansion;
import dev.passerelle.server.connections.ConnectionView;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document's frame: what it describes, the bearer scheme, the error responses and the server
 * (this instance's public URL, {@code passerelle.public-url}). springdoc builds the rest from the
 * controllers when {@code /openapi.json} is first asked for, and keeps it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    /** The schema of a connection embedded in its data ({@code expand=connection}). */
    static final String EMBEDDED_CONNECTION = "EmbeddedConnection";

    static {
        // Resolved by our argument resolvers, not request parameters: ProtocolOperations documents the
        // token and the body; the user's address, browser and languages (PsuContext) come from the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, BodyParams.class, PsuContext.class);
    }

    @Bean
    WireModels wireModels() {
        return new WireModels();
    }

    @Bean
    ProtocolOperations protocolOperations() {
        return new ProtocolOperations();
    }

    @Bean
    ParameterGlossary parameterGlossary() {
        return new ParameterGlossary();
    }

    @Bean
    OpenAPI passerelleApi() {
        Components components = new Components().addSecuritySchemes(ProtocolOperations.BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A user's token (permanent, temporary, or a code), or the config token for domain-level calls."));
        return new OpenAPI()
                .info(new Info().title("Passerelle API").version("2.0")
                        .description("""
                                The Powens (ex-Budget Insight) REST API 2.0 as Passerelle serves it: integrator code written \
                                for Powens works by changing only the base URL. Generated from the server's code; where it \
                                differs from Powens' own OpenAPI files, see docs/protocol.md, "Passerelle's OpenAPI \
                                document and Powens' files". Every write accepts JSON, form-urlencoded and multipart bodies alike; every \
                                error is the envelope {code, description, message, request_id}.""")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .externalDocs(new ExternalDocumentation().description("Powens API reference").url("https://docs.powens.com/api-reference"))
                .components(components);
    }

    /** The error envelope and the responses that carry it, defined once and referenced by every operation. */
    @Bean
    OpenApiCustomizer errorEnvelope() {
        return openApi -> {
            String reference = define(openApi, ErrorEnvelope.class).get$ref();
            Arrays.stream(ErrorResponses.values())
                    .forEach(error -> openApi.getComponents().addResponses(error.component(), error.response(reference)));
        };
    }

    /**
     * What {@code expand} adds to a connection, contributed by other features ({@link ConnectionExpansion}):
     * optional members of the connection's schema, each a list of the feature's view; and the other
     * way, the optional {@code connection} of each such view ({@code expand=connection}): a connection
     * with its own members only ({@value #EMBEDDED_CONNECTION}), as embedded ones are
     * ({@code ConnectionViews.embedConnection}), so that no schema contains itself, which validators
     * that inline references cannot read.
     */
    @Bean
    OpenApiCustomizer connectionExpansions(List<ConnectionExpansion> expansions) {
        return openApi -> {
            Schema<?> connection = openApi.getComponents().getSchemas().get(ConnectionView.class.getSimpleName());
            if (connection == null) {
                return;
            }
            Schema<?> embedded = ModelConverters.getInstance(true)
                    .resolveAsResolvedSchema(new AnnotatedType(ConnectionView.class).resolveAsRef(false)).schema;
            openApi.getComponents().addSchemas(EMBEDDED_CONNECTION, embedded.name(EMBEDDED_CONNECTION)
                    .description("A connection as expand=connection embeds it: its own members, connector and sources"
                            + " expandable in brackets."));
            Schema<?> connectionRef = new JsonSchema().$ref(Components.COMPONENTS_SCHEMAS_REF + EMBEDDED_CONNECTION);
            for (ConnectionExpansion expansion : expansions) {
                Schema<?> items = define(openApi, expansion.itemType());
                expansion.names().stream().sorted()
                        .forEach(name -> connection.addProperty(name, new JsonSchema().typesItem("array").items(items)));
                openApi.getComponents().getSchemas().get(expansion.itemType().getSimpleName())
                        .addProperty("connection", connectionRef);
            }
        };
    }

    /** The schema of {@code type} and those it refers to, added to the document's components; a reference to it. */
    static Schema<?> define(OpenAPI openApi, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance(true).resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(false));
        Components components = openApi.getComponents();
        components.addSchemas(resolved.schema.getName(), resolved.schema);
        resolved.referencedSchemas.forEach(components::addSchemas);
        return new JsonSchema().$ref(Components.COMPONENTS_SCHEMAS_REF + resolved.schema.getName());
    }

    /** The servers entry is this instance's public URL, as the start-up summary prints it. */
    @Bean
    ServerBaseUrlCustomizer publicServerUrl(PublicUrl publicUrl) {
        return (generated, request) -> publicUrl.base();
    }
}
