/**
 * The HTTP edge: what the servlet container does with a request before Spring MVC sees it and
 * with the errors it answers itself. Request ids on entry, forwarded client addresses from trusted
 * proxies only, parameters that cannot be read refused as 400, every container error page in the
 * protocol's envelope, and response headers every answer carries. The connection limits and
 * timeouts are {@code server.tomcat.*} settings (docs/security.md).
 */
package dev.passerelle.server.edge;
