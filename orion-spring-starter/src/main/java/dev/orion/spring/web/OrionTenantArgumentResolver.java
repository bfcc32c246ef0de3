package dev.orion.spring.web;

import dev.orion.core.OrionTenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills a handler's {@link OrionTenant} parameter with the tenant its request was resolved to. */
final class OrionTenantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return OrionTenant.class.equals(parameter.getParameterType());
    }

    @Override
    public OrionTenant resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return (request == null ? java.util.Optional.<OrionTenant>empty() : TenantRequests.tenant(request))
                .orElseThrow(() -> new IllegalStateException("no ORION tenant was resolved for this request: an"
                        + " OrionTenant parameter needs a handler under orion.web.base-path"));
    }
}
