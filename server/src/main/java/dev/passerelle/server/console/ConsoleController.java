package dev.passerelle.server.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A controller of console pages, in whichever feature package owns what it shows: HTML views
 * (templates under {@code templates/console/}), the console's error pages ({@link ConsoleErrors})
 * and the model every page shares ({@link ConsoleModel}). Its routes live under {@code /console},
 * where {@link ConsoleGuard} requires a session and checks CSRF tokens. Pages for a browser, not API
 * routes: the OpenAPI document leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Hidden
@Controller
@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
public @interface ConsoleController {
}
