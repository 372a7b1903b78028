package org.law12348.ticketing.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How every JSON endpoint reads text: a number or a boolean where text is expected ({@code "text": 123})
 * is refused, 400 naming the field ({@link ApiProblems}), not turned into the text "123". All
 * endpoints read through Boot's ObjectMapper, which this customises.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputRules {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer textIsNeverANumber() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
