package dev.passerelle.server.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller or handler whose answers carry credentials (tokens, codes): they are sent with
 * {@code Cache-Control: no-store} and {@code Pragma: no-cache}, so that no cache on the way keeps
 * them (RFC 6749 §5.1). Applied by {@link NoStoreInterceptor}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoStore {
}
