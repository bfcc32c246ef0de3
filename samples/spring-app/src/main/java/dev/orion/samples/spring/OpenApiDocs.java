package dev.orion.samples.spring;

import dev.orion.core.OrionTenant;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title and its API-key security scheme, so Swagger UI's "Authorize" sends the key. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    static {
        // the tenant a handler takes is resolved from the API key, not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(OrionTenant.class);
    }

    @Bean
    OpenAPI orionOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ORION sample API").version("0.1.0")
                        .description("Structures, jobs, campaigns and their review queue, LLM usage and profiles, and the audit"
                                + " log of the tenant whose API key is presented (X-API-Key or Authorization: Bearer). Scopes are"
                                + " <resource>:read for GET and <resource>:write otherwise."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
