package org.law12348.app;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's endpoints as Spring MVC maps them, each with a real path (path variables filled
 * with an existing ticket, the demo consultant, …) and the first demo account it lets in.
 */
final class ApiEndpoints {

    record Endpoint(String method, String template, String path, Class<?> body, Set<String> params, String[] auth) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final List<String> NOT_OURS = List.of("/error", "/camunda", "/engine-rest", "/actuator", "/swagger",
            "/v3/api-docs", "/webjars");
    private static final List<String> GENERIC_PARAMS = List.of("q", "page", "size", "sort", "from", "to", "status",
            "region", "unit", "limit");

    private final List<Endpoint> jsonBodies = new ArrayList<>();
    private final List<Endpoint> gets = new ArrayList<>();
    private final HttpApi api;
    private final Map<String, String> samples;

    ApiEndpoints(RequestMappingHandlerMapping mappings, HttpApi api, String ticketNumber) {
        this.api = api;
        this.samples = Map.of("number", ticketNumber, "username", "consultant", "decision", "approve");
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String template : entry.getKey().getPatternValues()) {
                if (NOT_OURS.stream().noneMatch(template::startsWith) && !streams(entry.getValue())) {
                    add(entry.getKey(), entry.getValue(), template);
                }
            }
        }
    }

    List<Endpoint> jsonBodies() {
        return jsonBodies;
    }

    List<Endpoint> gets() {
        return gets;
    }

    /** The endpoint's path with {@code value} in every query parameter it reads (and some it does not). */
    String hostileQuery(Endpoint endpoint, String value) {
        StringBuilder query = new StringBuilder();
        for (String param : endpoint.params()) {
            query.append(query.isEmpty() ? "?" : "&").append(param).append('=').append(encode(value));
        }
        return endpoint.path() + query;
    }

    /** The endpoint's template with {@code value} in every path variable. */
    String hostilePath(Endpoint endpoint, String value) {
        return VARIABLE.matcher(endpoint.template()).replaceAll(Matcher.quoteReplacement(encode(value)));
    }

    /** Server-sent event streams stay open by design; they have no request body or parameters to abuse. */
    private static boolean streams(HandlerMethod handler) {
        return org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.class
                .isAssignableFrom(handler.getReturnType().getParameterType());
    }

    private void add(RequestMappingInfo info, HandlerMethod handler, String template) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        String path = fill(template);
        Set<String> params = new LinkedHashSet<>(GENERIC_PARAMS);
        Class<?> body = null;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = parameter.getParameterType();
            }
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                params.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
            } else if (parameter.getParameterType().isRecord()
                    && (parameter.hasParameterAnnotation(ModelAttribute.class) || body != parameter.getParameterType())) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    params.add(component.getName());
                }
            }
        }
        boolean readsJson = info.getConsumesCondition().isEmpty() || info.getConsumesCondition().getConsumableMediaTypes()
                .stream().anyMatch(type -> type.includes(MediaType.APPLICATION_JSON));
        for (RequestMethod method : methods) {
            if (body != null && readsJson && Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH)
                    .contains(method)) {
                jsonBodies.add(new Endpoint(method.name(), template, path, body, params,
                        allowedCaller(method.name(), path, true)));
            } else if (method == RequestMethod.GET || methods.isEmpty()) {
                gets.add(new Endpoint("GET", template, path, null, params, allowedCaller("GET", path, false)));
            }
        }
        if (methods.isEmpty()) {
            gets.add(new Endpoint("GET", template, path, null, params, allowedCaller("GET", path, false)));
        }
    }

    /**
     * The first caller the endpoint lets in: the likely one by its path first (each probe costs a
     * BCrypt check), then anonymous, admin, dispatcher, unit handler and consultant in turn.
     */
    private String[] allowedCaller(String method, String path, boolean json) {
        List<String[]> callers = new ArrayList<>();
        callers.add(path.startsWith("/api/v1/consultant/") || path.startsWith("/consultant/") ? HttpApi.basic("consultant")
                : path.startsWith("/api/v1/miniapp/") || path.startsWith("/api/v1/tickets") ? new String[0]
                : HttpApi.basic("admin"));
        callers.addAll(List.of(new String[0], HttpApi.basic("admin"), HttpApi.basic("dispatcher"),
                HttpApi.basic("handler-gz"), HttpApi.basic("consultant")));
        for (String[] caller : callers) {
            int status = json ? api.request(method, path, "application/json", new byte[] {'{', '}'}, caller).status()
                    : api.get(path, caller).status();
            if (status != 401 && status != 403 && status != 302) {
                return caller;
            }
        }
        return HttpApi.basic("admin");
    }

    private String fill(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(samples.getOrDefault(matcher.group(1), "1")));
        }
        return matcher.appendTail(path).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
