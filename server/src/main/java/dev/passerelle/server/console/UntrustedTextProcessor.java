package dev.passerelle.server.console;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * {@code untrusted:text="${…}"}: {@code th:text} for a value that someone other than the operator
 * chose (a client's or an account's name, a bank's error message, a webhook's URL, a config value).
 * Such a value may carry Unicode bidirectional formatting characters, which reorder what the
 * operator reads (CVE-2021-42574, "Trojan Source"): an override can make an amount or a URL read
 * backwards. The value is shown with those characters made visible ({@link BidiControls}) and its
 * element gets {@code dir="auto"}, which isolates it from the text around it (the HTML rendering
 * rules give {@code [dir]} {@code unicode-bidi: isolate}; UAX #9 first-strong isolate), so that a
 * right-to-left value cannot reorder the rest of its line either. An attribute on the element that
 * shows the value rather than a {@code <bdi>} around it: it fits every element a value is shown in,
 * {@code <option>} and {@code <title>} included, which hold no markup. Display only: the stored
 * value, and a form field holding it, are untouched.
 */
final class UntrustedTextProcessor extends AbstractStandardExpressionAttributeTagProcessor {

    UntrustedTextProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, "text", StandardTextTagProcessor.PRECEDENCE, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                             String attributeValue, Object expressionResult, IElementTagStructureHandler structureHandler) {
        String shown = expressionResult == null ? "" : BidiControls.shown(expressionResult.toString());
        structureHandler.setAttribute("dir", "auto");
        structureHandler.setBody(HtmlEscape.escapeHtml4Xml(shown), false);
    }
}
